//! The extractor: actors, roles and claims from a structured article.
//!
//! ```text
//! Article ──► units ──► mentions ──► coreference ──► roles ──► claims
//!             (tokens,  (gazetteers, (one actor     (appositions, (cues, quotes,
//!              sentences, heads,      per entity)    prefixed       selon, incises)
//!              alignment) capitals)                  titles)
//! ```
//!
//! Only the headline, standfirst, sections and takeaways are read, never
//! cross-promotions or boilerplate. Each stage is a module; the data they
//! consult is in `src/lexicon/` (see `lexicon::extract`).

mod align;
mod claims;
mod coref;
mod mentions;
mod roles;
mod tokens;

use crate::extraction::{Actor, Claim, Extraction, Mention, Role};
use crate::hash::{FastMap, InputMap};
use crate::{ActorKind, Article, ClaimKind, Span};
use claims::{Pending, Who};
use mentions::Ment;
use tokens::{Tokenised, Unit};

/// Extracts actors, roles and claims from `article`, parsed from `input`.
///
/// [`Parser`](crate::Parser) calls this when [`Options::extract`] is on (the
/// default) and stores the result in [`Article::actors`] and
/// [`Article::claims`]; call it yourself on an article parsed with
/// extraction off. Every span of the result is a byte range of `input`,
/// inside the span of the block it comes from.
///
/// [`Options::extract`]: crate::Options::extract
///
/// ```
/// let input = "Titre\n\nLe ministre des Transports, Pierre Aubrac, a estimé que la ligne restait prioritaire.\n";
/// let parser = depeche::Parser::new(depeche::Options::default().extract(false));
/// let article = parser.parse_text(input)?;
/// assert!(article.actors.is_empty());
/// let found = depeche::extract(&article, input);
/// assert_eq!(found.actors[0].name, "Pierre Aubrac");
/// assert_eq!(found.actors[0].roles[0].text, "ministre des Transports");
/// assert_eq!(found.claims[0].speaker.as_deref(), Some("Pierre Aubrac"));
/// assert_eq!(found.claims[0].content, "la ligne restait prioritaire");
/// # Ok::<(), depeche::Error>(())
/// ```
#[must_use]
pub fn extract(article: &Article, input: &str) -> Extraction {
    let tokenised = Tokenised::new(&blocks(article, input));
    let units = tokenised.units(input);
    if units.is_empty() {
        return Extraction::default();
    }
    // Mentions and coreference.
    // Room for what the corpus has at most, per token: a mention every 13
    // (27 on average), a role phrase every 57, a pending claim every 46.
    // Grown from empty, the lists were copied a few times a document.
    let toks: usize = units.iter().map(|u| u.toks.len()).sum();
    let mut ments: Vec<Ment> = Vec::with_capacity(toks / 12 + 4);
    for (ui, u) in units.iter().enumerate() {
        mentions::find(ui, u, &mut ments);
    }
    let (groups, mut of) = coref::group(&units, &mut ments);
    for (unit, a, b, g) in coref::shouted(&units, &ments, &groups, &of) {
        ments.push(Ment {
            unit,
            a,
            b,
            kind: Some(groups[g].kind),
            entity: None,
            initial: false,
            acronym: false,
            split: None,
            fem: None,
            weak: false,
        });
        of.push(g);
    }
    let mut order: Vec<usize> = (0..ments.len()).collect();
    order.sort_by_key(|&i| (ments[i].unit, ments[i].a));
    let ments: Vec<Ment> = order.iter().map(|&i| ments[i].clone()).collect();
    let of: Vec<usize> = order.iter().map(|&i| of[i]).collect();

    // Each actor's mentions, with room for those of its names (the role
    // mentions found below may grow it once).
    let mut count = vec![0usize; groups.len()];
    for &g in &of {
        count[g] += 1;
    }
    let mut mentions: Vec<Vec<Mention>> = count.iter().map(|&n| Vec::with_capacity(n)).collect();
    for (m, &g) in ments.iter().zip(&of) {
        let u = &units[m.unit];
        mentions[g].push(Mention {
            text: u.slice(m.a, m.b).to_owned(),
            span: u.span(m.a, m.b),
        });
    }

    // Each block's mentions (they are sorted by block).
    let mut by_unit = vec![0..0; units.len()];
    let mut at = 0;
    for (ui, r) in by_unit.iter_mut().enumerate() {
        let start = at;
        while at < ments.len() && ments[at].unit == ui {
            at += 1;
        }
        *r = start..at;
    }
    // Roles.
    let mut phrases = Vec::with_capacity(toks / 32 + 4);
    let mut marks = Vec::new();
    for (ui, u) in units.iter().enumerate() {
        roles::find(ui, u, &ments, by_unit[ui].clone(), &mut phrases, &mut marks);
    }
    // Genders, for "il", "elle" and "la présidente": honorifics, titles.
    let mut gender: Vec<Option<bool>> = vec![None; groups.len()];
    for (m, &g) in ments.iter().zip(&of) {
        if m.fem.is_some() {
            gender[g] = m.fem;
        }
    }
    for p in &phrases {
        if let (Some(h), Some(f)) = (p.holder, p.fem) {
            gender[of[h]].get_or_insert(f);
        }
    }
    let persons = PersonIndex::new(&of, &groups, &gender);
    // Each actor's first mention (the mentions are in text order).
    let mut first_seen = vec![usize::MAX; groups.len()];
    for (j, &g) in of.iter().enumerate() {
        first_seen[g] = first_seen[g].min(j);
    }
    let mut actor_roles: Vec<Vec<Role>> = vec![Vec::new(); groups.len()];
    // The titles the actors hold, and each folded role → its first
    // holder.
    let mut holders = Holders::new(groups.len());
    let mut held: InputMap<&str, usize> = InputMap::default();
    for p in phrases.iter().filter(|p| !p.key.is_empty()) {
        if let Some(h) = p.holder {
            holders.add(p.key, of[h]);
            let u = &units[p.unit];
            held.entry(&u.folded[u.toks[p.a].fstart..u.toks[p.b - 1].fend])
                .or_insert(of[h]);
        }
    }
    // Each unit gets an agent and an inner range per role phrase: room for
    // them up front (grown push by push, the lists were copied a few times
    // a block).
    let mut per_unit = vec![0usize; units.len()];
    for p in &phrases {
        per_unit[p.unit] += 1;
    }
    // Role-only agents per unit: (a, b, who).
    let mut role_agents: Vec<Vec<(usize, usize, Who)>> =
        per_unit.iter().map(|&n| Vec::with_capacity(n)).collect();
    // Token ranges that are appositions or complements (not subjects).
    let mut inner: Vec<Vec<(usize, usize)>> =
        per_unit.iter().map(|&n| Vec::with_capacity(n)).collect();
    for p in &phrases {
        let u = &units[p.unit];
        // The role as a role (without determiner), copied only when an
        // actor gets it.
        let text = u.slice(p.a, p.b);
        if let Some(h) = p.holder {
            let g = of[h];
            inner[p.unit].push((p.da, p.b));
            role_agents[p.unit].push((p.da, p.b, Who::Actor(g)));
            let counterpart_of = (p.key == "homologue")
                .then(|| other_party(&ments, &of, &groups, h))
                .flatten()
                .map(|o| groups[o].name.clone());
            if p.det.is_some() && ments[h].b <= p.da {
                mentions[g].push(Mention {
                    text: u.slice(p.da, p.b).to_owned(),
                    span: u.span(p.da, p.b),
                });
            }
            if !actor_roles[g].iter().any(|r| r.text == text) {
                actor_roles[g].push(Role {
                    text: text.to_owned(),
                    span: u.span(p.a, p.b),
                    counterpart_of,
                });
            }
            continue;
        }
        inner[p.unit].push((p.a + 1, p.b));
        let det = p.det.unwrap_or("");
        let demonstrative = matches!(det, "cet" | "cette" | "ce");
        // "le commandant de l’Association Sécurité Riviera": the very role
        // someone holds.
        let folded_role = &u.folded[u.toks[p.a].fstart..u.toks[p.b - 1].fend];
        if let Some(&g) = held.get(folded_role) {
            mentions[g].push(Mention {
                text: u.slice(p.da, p.b).to_owned(),
                span: u.span(p.da, p.b),
            });
            role_agents[p.unit].push((p.da, p.b, Who::Actor(g)));
            continue;
        }
        let resolved = (matches!(det, "le" | "la" | "l'") && !p.indefinite || demonstrative)
            .then(|| {
                resolve_role(
                    p,
                    &units,
                    &ments,
                    &of,
                    &groups,
                    &holders,
                    &inner,
                    &gender,
                    &persons,
                    &first_seen,
                )
            })
            .flatten();
        match resolved {
            Some(g) => {
                // "cet ancien cadre de la SNCF" describes the person.
                if demonstrative && !actor_roles[g].iter().any(|r| r.text == text) {
                    actor_roles[g].push(Role {
                        text: text.to_owned(),
                        span: u.span(p.a, p.b),
                        counterpart_of: None,
                    });
                }
                mentions[g].push(Mention {
                    text: u.slice(p.da, p.b).to_owned(),
                    span: u.span(p.da, p.b),
                });
                role_agents[p.unit].push((p.da, p.b, Who::Actor(g)));
            }
            None => role_agents[p.unit].push((p.da, p.b, Who::Anon(u.slice(p.da, p.b).to_owned()))),
        }
    }

    // By start, for the claims (stable: of two appositions starting at the
    // same token, the one found first stays first).
    for ranges in &mut inner {
        ranges.sort_by_key(|&(a, _)| a);
    }

    // Claims.
    let kinds: Vec<ActorKind> = groups.iter().map(|g| g.kind).collect();
    let mut state = vec![false; groups.len()];
    for (m, &g) in ments.iter().zip(&of) {
        if let Some(e) = m.entity {
            state[g] |= crate::lexicon::extract::LEXICON.gazetteer.entities[e as usize].state;
        }
    }
    let mut pending: Vec<Pending> = Vec::with_capacity(toks / 32 + 4);
    let mut agents_of = Vec::with_capacity(units.len());
    // The named agents of each block in turn, and its inner ranges as
    // `Reach` (one buffer each for all blocks).
    let mut named: Vec<(usize, usize, usize, bool)> = Vec::new();
    let mut reach = Reach::default();
    let mut scratch = claims::Scratch::default();
    for (ui, u) in units.iter().enumerate() {
        let r = by_unit[ui].clone();
        reach.set(&inner[ui]);
        named.clear();
        named.extend(
            ments[r.clone()]
                .iter()
                .zip(&of[r])
                .map(|(m, &g)| (m.a, m.b, g, reach.covers(m.a, m.b))),
        );
        let agents = claims::agents(u, &named, &role_agents[ui], &mut scratch);
        pending.extend(claims::find(
            ui,
            u,
            &agents,
            &kinds,
            &state,
            &inner[ui],
            &mut scratch,
        ));
        agents_of.push(agents);
    }
    pending.sort_by_key(|p| (p.unit, p.pos));
    let mut out_claims = Vec::with_capacity(pending.len());
    let mut current: Option<usize> = None;
    // The last claim's block, position and anonymous source, if any.
    let mut last_anon: Option<(usize, usize, String)> = None;
    // The last claim's block, position and speaker when a body made it.
    let mut last_body: Option<(usize, usize, usize)> = None;
    // The content of the claims of the current block so far (text ranges).
    let mut reported: Vec<(usize, usize)> = Vec::new();
    let mut reported_unit = usize::MAX;
    for mut p in pending {
        let u = &units[p.unit];
        if reported_unit != p.unit {
            reported.clear();
            reported_unit = p.unit;
        }
        // "L’ONG affirme que … Selon elle, …": "selon" and a pronoun
        // right after a body's claim is that body, when no person is named
        // in between. (An incise's pronoun, "a-t-elle ajouté", is a
        // person's.)
        if let Who::Pron(_) | Who::Plural = p.who
            && p.kind == ClaimKind::AccordingTo
            && let Some((lu, lpos, g)) = last_body
            && lu == p.unit
            && !claims::starting_in(&agents_of[p.unit], lpos + 1, p.pos)
                .iter()
                .any(|a| {
                    a.b <= p.pos && matches!(a.who, Who::Actor(g) if kinds[g] == ActorKind::Person)
                })
        {
            p.who = Who::Actor(g);
        }
        // "« … », confie une infirmière. « … », glisse-t-elle": a pronoun
        // right after an anonymous source's claim is that source, when no
        // one is named in between.
        if let Who::Pron(_) | Who::Plural = p.who
            && let Some((lu, lpos, desc)) = &last_anon
            && *lu == p.unit
            && !claims::starting_in(&agents_of[p.unit], lpos + 1, p.pos)
                .iter()
                .any(|a| {
                    a.b <= p.pos && matches!(a.who, Who::Actor(g) if kinds[g] == ActorKind::Person)
                })
        {
            p.who = Who::Anon(desc.clone());
        }
        let speaker = match &p.who {
            Who::Actor(g) => Some(*g),
            // Several people nobody named just before: not one of them.
            Who::Anon(_) | Who::Plural => None,
            Who::Desc(_, fem) => {
                let fits = |g: usize| fem.is_none() || gender[g].is_none() || gender[g] == *fem;
                last_person(&agents_of, &kinds, p.unit, p.pos, false, &fits)
                    .or(current.filter(|&g| fits(g)))
                    .or_else(|| last_person(&agents_of, &kinds, p.unit, p.pos, true, &fits))
            }
            Who::OrgDesc(_) => {
                let any = |_: usize| true;
                let kind = ActorKind::Organization;
                let none = |_: &claims::Agent| false;
                let at = (p.unit, p.pos);
                last_named(&agents_of, &kinds, kind, at, false, &any, &none)
                    .or_else(|| last_named(&agents_of, &kinds, kind, at, true, &any, &none))
            }
            Who::Pron(fem) => {
                // Someone of the pronoun's gender first, then of an unknown
                // one: in the block, the current speaker, before. Not the
                // verb's object, named right after it ("il accuse Boris
                // Faure de …" is not Boris Faure accusing himself).
                let after_cue = u.toks.get(p.cue.1).map(|t| t.start);
                let object = claims::starting_in(&agents_of[p.unit], p.cue.1, p.cue.1)
                    .iter()
                    .find(|a| after_cue == Some(p.parts[0].0) && a.a == p.cue.1)
                    .and_then(|a| match a.who {
                        Who::Actor(g) => Some(g),
                        _ => None,
                    });
                let strict = |g: usize| fem.is_some() && gender[g] == *fem && Some(g) != object;
                let fits = |g: usize| {
                    (fem.is_none() || gender[g].is_none() || gender[g] == *fem) && Some(g) != object
                };
                // Not someone named in what an earlier claim of the block
                // reports: "« … le Premier ministre peut décider … », a
                // déclaré le ministre. « … », a-t-il estimé" is the
                // minister again.
                let in_reported = |a: &claims::Agent| {
                    let at = u.toks[a.a].start;
                    reported.iter().any(|&(s, e)| s <= at && at < e)
                };
                let (person, at) = (ActorKind::Person, (p.unit, p.pos));
                last_named(&agents_of, &kinds, person, at, false, &strict, &in_reported)
                    .or_else(|| {
                        last_named(&agents_of, &kinds, person, at, false, &fits, &in_reported)
                    })
                    .or(current.filter(|&g| fits(g)))
                    .or_else(|| last_person(&agents_of, &kinds, p.unit, p.pos, true, &fits))
            }
        };
        if let Who::Pron(_) | Who::Plural = p.who
            && speaker.is_none()
        {
            continue;
        }
        if let Some(g) = speaker
            && kinds[g] == ActorKind::Person
        {
            current = Some(g);
        }
        last_body = speaker
            .filter(|&g| kinds[g] == ActorKind::Organization)
            .map(|g| (p.unit, p.pos, g));
        last_anon = match (&p.who, speaker) {
            (Who::Anon(d), _) | (Who::Desc(d, _) | Who::OrgDesc(d), None) => {
                Some((p.unit, p.pos, d.clone()))
            }
            _ => None,
        };
        let (first, last) = (p.parts[0], p.parts[p.parts.len() - 1]);
        // Most claims have one part: no list to join.
        let content = match p.parts[..] {
            [(a, b)] => u.text[a..b].trim().to_owned(),
            ref parts => {
                let parts: Vec<&str> = parts.iter().map(|&(a, b)| u.text[a..b].trim()).collect();
                parts.join(" ")
            }
        };
        if content.is_empty() {
            continue;
        }
        reported.extend_from_slice(&p.parts);
        let cue_span = u.span(p.cue.0, p.cue.1);
        let content_span = u.text_span(first.0, last.1);
        out_claims.push(Claim {
            speaker: speaker.map(|g| groups[g].name.clone()),
            speaker_description: match &p.who {
                Who::Anon(d) => Some(d.clone()),
                Who::Desc(d, _) | Who::OrgDesc(d) if speaker.is_none() => Some(d.clone()),
                _ => None,
            },
            cue: u.slice(p.cue.0, p.cue.1).to_owned(),
            cue_span,
            content,
            content_span,
            kind: p.kind,
            span: cue_span.to(content_span),
        });
    }
    let actors = groups
        .into_iter()
        .zip(mentions)
        .zip(actor_roles)
        .map(|((g, mut mentions), roles)| {
            mentions.sort_by_key(|m| m.span);
            mentions.dedup();
            Actor {
                name: g.name,
                kind: g.kind,
                roles,
                mentions,
            }
        })
        .collect();
    Extraction {
        actors,
        claims: out_claims,
    }
}

/// Token ranges, to tell whether a range lies inside one of them without
/// looking them all through (a block of thousands of sentences has
/// thousands of mentions and of appositions).
#[derive(Default)]
struct Reach {
    /// (start, furthest end of the ranges starting there or before),
    /// sorted by start.
    furthest: Vec<(usize, usize)>,
}

impl Reach {
    fn set(&mut self, ranges: &[(usize, usize)]) {
        self.furthest.clear();
        self.furthest.extend_from_slice(ranges);
        self.furthest.sort_unstable();
        let mut end = 0;
        for r in &mut self.furthest {
            end = end.max(r.1);
            r.1 = end;
        }
    }

    /// Whether `a..b` lies inside one of the ranges.
    fn covers(&self, a: usize, b: usize) -> bool {
        let k = self.furthest.partition_point(|&(start, _)| start <= a);
        k > 0 && self.furthest[k - 1].1 >= b
    }
}

/// The actor a role-only mention ("le ministre", "la pédiatre") stands for:
/// the person last named in the same block, unless that person holds
/// another title while someone else holds this one; else the last holder of
/// the title; else the person last named before. `ments` are sorted by
/// block.
#[allow(clippy::too_many_arguments)]
fn resolve_role(
    p: &roles::RolePhrase<'_>,
    units: &[Unit<'_>],
    ments: &[Ment],
    of: &[usize],
    groups: &[coref::Group],
    holders: &Holders,
    inner: &[Vec<(usize, usize)>],
    gender: &[Option<bool>],
    persons: &PersonIndex,
    first_seen: &[usize],
) -> Option<usize> {
    let fits = |g: usize| p.fem.is_none() || gender[g].is_none() || gender[g] == p.fem;
    // The same title, or one with the same first word (each holder's key
    // is only compared with this one's head, not split).
    let key_head = p.key.split(' ').next().unwrap_or("");
    let same_title = |k: &str| {
        k == p.key
            || k.strip_prefix(key_head)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    };
    // The latest holder of the same title, or of one with the same
    // first word (what `same_title` accepts).
    let holder_of = holders.latest_by_head.get(key_head).copied();
    let is_inner = |m: &Ment| inner[m.unit].iter().any(|&(a, b)| a <= m.a && m.b <= b);
    // The mentions of the blocks up to this one, and of this one only (not
    // all the article's, for each role).
    let upto = ments.partition_point(|m| m.unit <= p.unit);
    let here = ments[..upto].partition_point(|m| m.unit < p.unit);
    // Mentions from the role on end after it, and are no candidates: the
    // search starts before them (sorted by block, then first token).
    let upto = here + ments[here..upto].partition_point(|m| m.a < p.da);
    // The person last named in the block, not as an object ("à Girod"),
    // of the same gender when both are known, else of an unknown one
    // (looked for from the role back).
    let candidate = |m: &Ment, g: usize| {
        m.b <= p.da
            && groups[g].kind == ActorKind::Person
            && fits(g)
            && !is_inner(m)
            && (m.a < 1 || {
                let u = &units[m.unit];
                !u.is(
                    m.a - 1,
                    &[
                        "a", "au", "aux", "de", "par", "pour", "avec", "contre", "chez",
                    ],
                ) || u.tok(m.a - 1) == "a"
            })
    };
    let last_here = persons
        .latest_fitting(here, upto, p.fem, |j| candidate(&ments[j], of[j]))
        .map(|j| of[j]);
    // With a complement ("le ministre de l’Intérieur"), only someone named
    // in the same block, or holding that very role.
    if p.complement && last_here.is_none() {
        // "le vice-président du Département" when one person only holds
        // that title in the article.
        let with_key = holders.by_key.get(p.key).map_or(&[][..], Vec::as_slice);
        if with_key.len() == 1 {
            return Some(with_key[0]).filter(|&g| fits(g));
        }
        // "la candidate du Rassemblement national" when one woman only,
        // holding no other title, has been named: her. (Only feminine
        // forms tell a gender; the mentions looked through are bounded,
        // as this is asked of every such role.)
        if p.fem != Some(true) {
            return None;
        }
        let feminine = [PersonIndex::class(Some(true))];
        let mut women = persons
            .latest(&feminine, 0, upto)
            .take(MAX_WOMEN_LOOKED_AT + 1)
            .map(|j| of[j]);
        let first = women.next()?;
        let mut looked_at = 1;
        let unique = women.all(|g| {
            looked_at += 1;
            g == first
        }) && looked_at <= MAX_WOMEN_LOOKED_AT
            && {
                let titles = &holders.titles[first];
                titles.is_empty() || titles.iter().any(|&k| same_title(k))
            };
        return unique.then_some(first);
    }
    if let Some(g) = last_here {
        let titles = &holders.titles[g];
        // A counterpart ("son homologue canadien") holds the title of the
        // one he is the counterpart of, whatever it is: no other title.
        let other_title = !titles.is_empty()
            && !titles
                .iter()
                .any(|&k| same_title(k) || k.split(' ').next() == Some("homologue"));
        if !(other_title && holder_of.is_some_and(|h| h != g)) {
            return Some(g);
        }
    }
    if holder_of.is_some() {
        return holder_of;
    }
    // "À Lausanne, la ministre défend sa copie. Interrogée, Nadine
    // Perrottet a estimé …": the person the next sentence names, already
    // named before the role (a newcomer is someone else).
    let u = &units[p.unit];
    let sent = u.toks[p.da].sent;
    let block_end = here + ments[here..].partition_point(|m| m.unit == p.unit);
    if let Some(g) = ments[upto..block_end]
        .iter()
        .zip(&of[upto..block_end])
        .take_while(|(m, _)| m.a < u.toks.len() && u.toks[m.a].sent <= sent + 1)
        .find(|&(m, &g)| m.a >= p.b && groups[g].kind == ActorKind::Person && !is_inner(m))
        // The subject of its clause: "…, Nadine Perrottet a estimé".
        .filter(|&(m, _)| {
            (m.a == u.sentence_of(m.a).start || u.is(m.a - 1, &[","])) && claims::is_finite(u, m.b)
        })
        .map(|(_, &g)| g)
        .filter(|&g| fits(g) && first_seen[g] < upto)
    {
        return Some(g);
    }
    persons
        .latest_fitting(0, upto, p.fem, |j| {
            let (m, g) = (&ments[j], of[j]);
            (m.unit < p.unit || m.b <= p.da) && groups[g].kind == ActorKind::Person && fits(g)
        })
        .map(|j| of[j])
}

/// How many mentions of women [`resolve_role`] looks through to tell that
/// one woman only was named before a role (past them, it does not tell).
const MAX_WOMEN_LOOKED_AT: usize = 256;

/// The titles actors hold (appositions, prefixed titles), indexed for the
/// questions role resolution asks at each role-only mention: an article
/// naming hundreds of office holders is not looked through each time.
struct Holders {
    /// A title's first word → the latest holder of a title starting so.
    latest_by_head: FastMap<&'static str, usize>,
    /// Per group, the titles it holds, in order, each once.
    titles: Vec<Vec<&'static str>>,
    /// A title → its holders in order, a holder named again in a row
    /// kept once.
    by_key: FastMap<&'static str, Vec<usize>>,
}

impl Holders {
    fn new(groups: usize) -> Holders {
        Holders {
            latest_by_head: FastMap::default(),
            titles: vec![Vec::new(); groups],
            by_key: FastMap::default(),
        }
    }

    /// Group `g` holds title `key`.
    fn add(&mut self, key: &'static str, g: usize) {
        self.latest_by_head
            .insert(key.split(' ').next().unwrap_or(""), g);
        // (Each title once: a person named with the same title in every
        // sentence is not asked about it again and again.)
        if !self.titles[g].contains(&key) {
            self.titles[g].push(key);
        }
        let holders = self.by_key.entry(key).or_default();
        if holders.last() != Some(&g) {
            holders.push(g);
        }
    }
}

/// The mentions of people, by what is known of their gender, so that the
/// latest person before a role-only mention is found without looking
/// through every mention before it (an article of thousands of them asks
/// at each role).
struct PersonIndex {
    /// Per gender class ([`PersonIndex::class`]): for each mention, the
    /// latest mention of a person of that class at or before it, or
    /// `u32::MAX`.
    prev: [Vec<u32>; 3],
}

impl PersonIndex {
    /// The index of the mentions whose groups are `of`.
    fn new(of: &[usize], groups: &[coref::Group], gender: &[Option<bool>]) -> PersonIndex {
        let mut prev: [Vec<u32>; 3] = Default::default();
        let mut last = [u32::MAX; 3];
        for (i, &g) in of.iter().enumerate() {
            if groups[g].kind == ActorKind::Person {
                last[PersonIndex::class(gender[g])] = i as u32;
            }
            for (p, &l) in prev.iter_mut().zip(&last) {
                p.push(l);
            }
        }
        PersonIndex { prev }
    }

    fn class(gender: Option<bool>) -> usize {
        match gender {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        }
    }

    /// The mentions in `lo..hi` of people of the gender `classes`, the
    /// latest first.
    fn latest<'a>(
        &'a self,
        classes: &'a [usize],
        lo: usize,
        hi: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let mut k = hi;
        std::iter::from_fn(move || {
            let j = classes
                .iter()
                .filter_map(|&c| k.checked_sub(1).map(|k| self.prev[c][k]))
                .filter(|&j| j != u32::MAX)
                .max()? as usize;
            (j >= lo).then(|| {
                k = j;
                j
            })
        })
    }

    /// Of the mentions in `lo..hi` that are `candidate`s (people of gender
    /// `fem` or of an unknown one, as `candidate` asks itself), the latest
    /// of gender `fem` when it is known, else the latest.
    fn latest_fitting(
        &self,
        lo: usize,
        hi: usize,
        fem: Option<bool>,
        candidate: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let of_gender = fem.and_then(|f| {
            self.latest(&[PersonIndex::class(Some(f))], lo, hi)
                .find(|&j| candidate(j))
        });
        let any: &[usize] = match fem {
            None => &[0, 1, 2],
            Some(false) => &[0, 1],
            Some(true) => &[0, 2],
        };
        of_gender.or_else(|| self.latest(any, lo, hi).find(|&j| candidate(j)))
    }
}

/// The nearest other person mentioned before mention `h`.
fn other_party(ments: &[Ment], of: &[usize], groups: &[coref::Group], h: usize) -> Option<usize> {
    (0..h)
        .rev()
        .map(|i| of[i])
        .find(|&g| g != of[h] && groups[g].kind == ActorKind::Person)
        .filter(|_| ments[h].unit < usize::MAX)
}

/// The last person named before token `pos` of unit `unit`, in that unit
/// only or in any before.
fn last_person(
    agents: &[Vec<claims::Agent>],
    kinds: &[ActorKind],
    unit: usize,
    pos: usize,
    before: bool,
    fits: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    last_named(
        agents,
        kinds,
        ActorKind::Person,
        (unit, pos),
        before,
        fits,
        &|_| false,
    )
}

/// [`last_person`] for an actor of any `kind`, passing over the agents of
/// the claim's own block that `skip` names.
fn last_named(
    agents: &[Vec<claims::Agent>],
    kinds: &[ActorKind],
    kind: ActorKind,
    (unit, pos): (usize, usize),
    before: bool,
    fits: &dyn Fn(usize) -> bool,
    skip: &dyn Fn(&claims::Agent) -> bool,
) -> Option<usize> {
    let first = if before { 0 } else { unit };
    for ui in (first..=unit).rev() {
        // In the claim's own block, only those that start before it.
        let candidates = if ui < unit {
            &agents[ui][..]
        } else {
            claims::starting_in(&agents[ui], 0, pos)
        };
        let found = candidates
            .iter()
            // A body named in a complement ("la présidente d’Hydrelia") is
            // one a description may stand for; a person there is not the
            // one a pronoun stands for.
            .filter(|a| {
                (ui < unit || (a.b <= pos && !skip(a))) && (!a.inner || kind != ActorKind::Person)
            })
            .filter_map(|a| match a.who {
                Who::Actor(g) if kinds[g] == kind && fits(g) => Some(g),
                _ => None,
            })
            .next_back();
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The blocks extraction reads (text and span), in input order.
fn blocks<'a>(article: &'a Article, input: &str) -> Vec<(&'a str, Span)> {
    let mut blocks: Vec<(&'a str, Span)> = Vec::new();
    if let (Some(h), Some(span)) = (&article.headline, article.headline_span) {
        blocks.push((h, span));
    }
    if let Some(p) = &article.standfirst {
        blocks.push((&p.text, p.span));
    }
    for s in &article.sections {
        if let (Some(h), Some(span)) = (&s.heading, s.heading_span) {
            blocks.push((h, span));
        }
        for b in s.content() {
            match b {
                crate::SectionBlock::Paragraph(p) => blocks.push((&p.text, p.span)),
                crate::SectionBlock::Item(i) => blocks.push((&i.text, i.span)),
            }
        }
    }
    for t in &article.takeaways {
        blocks.push((&t.text, t.span));
    }
    blocks
        .into_iter()
        // A block without a letter names nobody (and a megabyte of "<"
        // would be a million tokens for nothing).
        .filter(|(t, s)| s.end <= input.len() && t.chars().any(char::is_alphabetic))
        .collect()
}
