//! The extraction model: actors, their roles, and claims (who said what).
//!
//! Filled in by the extractor (see [`extract`](crate::extract)) from the
//! article's headline, standfirst, sections and takeaways — never from
//! cross-promotions or boilerplate. Every [`Span`] is a byte range of the
//! input the article was parsed from.

use crate::Span;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// What the extractor found in one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Extraction {
    /// One entry per entity, in order of first mention.
    pub actors: Vec<Actor>,
    /// Reported statements, in input order.
    pub claims: Vec<Claim>,
}

/// A person, organisation or place acting in the article. One actor per
/// entity: "Lloyd Austin", "Austin" and "le secrétaire" are mentions of the
/// same actor.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Actor {
    /// The canonical name: the fullest form the article writes, without
    /// article or honorific ("Lloyd Austin", "Union européenne").
    pub name: String,
    /// Person, organisation or place.
    pub kind: ActorKind,
    /// Functions and titles attached to the actor, in input order.
    pub roles: Vec<Role>,
    /// Every place the article refers to the actor, in input order: names,
    /// surnames, acronyms, role-only mentions ("son homologue russe").
    pub mentions: Vec<Mention>,
}

/// The kinds of actors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ActorKind {
    /// A named person.
    Person,
    /// An institution, company, party, union, club, medium, court,
    /// ministry, or an institutional metonym (Élysée, Kremlin).
    Organization,
    /// A country, city, region or named area (Washington acting for the
    /// United States stays a location).
    Location,
}

impl ActorKind {
    /// The snake_case name used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Location => "location",
        }
    }
}

impl core::fmt::Display for ActorKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A function, title or description attached to an actor ("secrétaire
/// américain à la défense", "maire d’Agen", "homologue russe").
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Role {
    /// The role as written, without its determiner or possessive.
    pub text: String,
    /// Where it is in the input.
    pub span: Span,
    /// For a counterpart role ("son homologue russe"), the canonical name of
    /// the other party.
    pub counterpart_of: Option<String>,
}

/// One place where an actor is referred to.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Mention {
    /// The mention as written (normalised).
    pub text: String,
    /// Where it is in the input.
    pub span: Span,
}

/// A reported statement: who said, wrote, announced or judged what.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Claim {
    /// The speaker's canonical [`Actor::name`]; `None` when the source is
    /// anonymous or generic.
    pub speaker: Option<String>,
    /// How an anonymous or generic source is described ("un diplomate
    /// européen", "les syndicats"); `None` for a named speaker.
    pub speaker_description: Option<String>,
    /// The reporting cue as written ("a déclaré", "a-t-il ajouté", "selon").
    pub cue: String,
    /// Where the cue is in the input.
    pub cue_span: Span,
    /// What was said: the quotation without its guillemets (the parts of a
    /// quotation cut by an incise joined by a space), or the reported
    /// content.
    pub content: String,
    /// Where the content is in the input (for a quotation cut by an incise,
    /// from its first to its last part).
    pub content_span: Span,
    /// How the statement is reported.
    pub kind: ClaimKind,
    /// The whole statement: cue, speaker and content.
    pub span: Span,
}

/// How a claim is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ClaimKind {
    /// A quotation in guillemets attributed to someone.
    Direct,
    /// Reported speech: "X a estimé que …", "X a mis en garde contre …".
    Indirect,
    /// Reported speech holding a quotation: "a jugé que la réforme restait
    /// « … »".
    Mixed,
    /// "Selon X, …", "d’après X, …", "pour X, …".
    AccordingTo,
}

impl ClaimKind {
    /// The snake_case name used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Mixed => "mixed",
            ClaimKind::AccordingTo => "according_to",
        }
    }
}

impl core::fmt::Display for ClaimKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}
