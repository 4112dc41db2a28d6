//! What the page says about itself: `<title>`, `<meta>` tags (Open Graph,
//! article:*), and schema.org JSON-LD (`NewsArticle` and its kin).

use serde_json::Value;

use super::dom::{Dom, Kind, Tag};
use crate::Span;
use crate::normalize::normalize;

/// Metadata read from the head and JSON-LD.
#[derive(Debug, Default)]
pub(crate) struct PageMeta {
    /// JSON-LD `headline`.
    pub(crate) ld_headline: Option<String>,
    /// `og:title` or `twitter:title`.
    pub(crate) og_title: Option<String>,
    /// `<title>` text, and where it is.
    pub(crate) title: Option<(String, Option<Span>)>,
    pub(crate) author: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) updated: Option<String>,
    pub(crate) section: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) keywords: Vec<String>,
}

impl PageMeta {
    /// Reads the page's metadata.
    pub(crate) fn read(dom: &Dom<'_>) -> PageMeta {
        let mut meta = PageMeta::default();
        for ld in &dom.json_ld {
            if let Ok(value) = serde_json::from_str::<Value>(ld) {
                meta.json_ld(&value);
            }
        }
        for (ix, node) in dom.nodes.iter().enumerate() {
            let Kind::Element(e) = &node.kind else {
                continue;
            };
            match e.tag {
                Tag::Title if meta.title.is_none() => {
                    let (text, span) = dom.text_of(ix);
                    let text = normalize(&text);
                    if !text.is_empty() {
                        meta.title = Some((text, span));
                    }
                }
                Tag::Meta => {
                    let key =
                        e.el.attr("property")
                            .or_else(|| e.el.attr("name"))
                            .or_else(|| e.el.attr("itemprop"))
                            .unwrap_or_default()
                            .to_ascii_lowercase();
                    let Some(content) = e.el.attr("content").map(normalize) else {
                        continue;
                    };
                    if content.is_empty() {
                        continue;
                    }
                    let slot = match key.as_str() {
                        "og:title" | "twitter:title" => &mut meta.og_title,
                        "author" | "article:author" => &mut meta.author,
                        "article:published_time" | "datepublished" | "date" => &mut meta.published,
                        "article:modified_time" | "datemodified" => &mut meta.updated,
                        "article:section" => &mut meta.section,
                        "og:url" => &mut meta.url,
                        "keywords" | "news_keywords" if meta.keywords.is_empty() => {
                            meta.keywords = split_keywords(&content);
                            continue;
                        }
                        _ => continue,
                    };
                    if slot.is_none() {
                        *slot = Some(content);
                    }
                }
                Tag::Link
                    if meta.url.is_none()
                        && e.el
                            .attr("rel")
                            .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
                {
                    meta.url = e.el.attr("href").map(str::to_owned);
                }
                _ => {}
            }
        }
        meta
    }

    /// Takes what a JSON-LD value holds about the article.
    fn json_ld(&mut self, value: &Value) {
        match value {
            Value::Array(items) => items.iter().for_each(|v| self.json_ld(v)),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    self.json_ld(graph);
                }
                let is_article = match map.get("@type") {
                    Some(Value::String(t)) => is_article_type(t),
                    Some(Value::Array(ts)) => {
                        ts.iter().any(|t| t.as_str().is_some_and(is_article_type))
                    }
                    _ => false,
                };
                if !is_article {
                    return;
                }
                let text = |key: &str| map.get(key).and_then(Value::as_str).map(normalize);
                self.ld_headline = self.ld_headline.take().or_else(|| text("headline"));
                self.published = self.published.take().or_else(|| text("datePublished"));
                self.updated = self.updated.take().or_else(|| text("dateModified"));
                self.section = self.section.take().or_else(|| text("articleSection"));
                self.url = self.url.take().or_else(|| text("url"));
                if self.author.is_none() {
                    self.author = map.get("author").and_then(author_names);
                }
                if self.keywords.is_empty() {
                    self.keywords = match map.get("keywords") {
                        Some(Value::String(s)) => split_keywords(s),
                        Some(Value::Array(ks)) => ks
                            .iter()
                            .filter_map(Value::as_str)
                            .map(normalize)
                            .filter(|k| !k.is_empty())
                            .collect(),
                        _ => Vec::new(),
                    };
                }
            }
            _ => {}
        }
    }

    /// The headline the metadata gives: JSON-LD, then Open Graph, then the
    /// `<title>` without its site name.
    pub(crate) fn headline(&self) -> Option<String> {
        self.ld_headline
            .clone()
            .or_else(|| self.og_title.clone())
            .or_else(|| self.title.as_ref().map(|(t, _)| strip_site_name(t)))
            .filter(|t| !t.is_empty())
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || matches!(t, "BlogPosting" | "Report" | "LiveBlogPosting")
}

/// "Jeanne Martin", {"name": …}, or a list of those, joined with ", ".
fn author_names(value: &Value) -> Option<String> {
    let names: Vec<String> = match value {
        Value::String(s) => vec![normalize(s)],
        Value::Object(map) => map
            .get("name")
            .and_then(Value::as_str)
            .map(normalize)
            .into_iter()
            .collect(),
        Value::Array(items) => items.iter().filter_map(author_names).collect(),
        _ => Vec::new(),
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn split_keywords(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(normalize)
        .filter(|k| !k.is_empty())
        .collect()
}

/// Separators between an article title and the site name in `<title>`.
const TITLE_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

/// "Le titre - Le Courrier du Vexin" → "Le titre": a page title ends (or,
/// less often, starts) with the site's name after a separator, and the
/// site's name is the shorter side.
pub(crate) fn strip_site_name(title: &str) -> String {
    let title = title.trim();
    let seps = || {
        TITLE_SEPARATORS
            .iter()
            .flat_map(|sep| title.match_indices(sep).map(|(at, s)| (at, s.len())))
    };
    let chars = |s: &str| s.chars().count();
    if let Some((at, len)) = seps().max_by_key(|&(at, _)| at) {
        let (head, tail) = (&title[..at], &title[at + len..]);
        if chars(tail) < chars(head) {
            return head.trim().to_owned();
        }
    }
    if let Some((at, len)) = seps().min_by_key(|&(at, _)| at) {
        let (head, tail) = (&title[..at], &title[at + len..]);
        if chars(head) < chars(tail) {
            return tail.trim().to_owned();
        }
    }
    title.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_name_is_cut_from_the_title() {
        assert_eq!(
            strip_site_name("Grève à la SNCF : le trafic perturbé - Le Courrier"),
            "Grève à la SNCF : le trafic perturbé"
        );
        assert_eq!(
            strip_site_name("Actu | Un titre assez long ici"),
            "Un titre assez long ici"
        );
        assert_eq!(strip_site_name("Sans séparateur"), "Sans séparateur");
    }
}
