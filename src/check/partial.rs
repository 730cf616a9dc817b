//! Regular expressions on partly known strings: whether a pattern matches a string of which
//! only the literal parts are known (`"serviceAccount:${google_service_account.sa.email}"`),
//! decided only when every possible completion agrees.
//!
//! The pattern runs as a lazy DFA over the known text; at each unknown part the DFA may be in any
//! state reachable by some input, so the set of states is closed under every byte. The pattern
//! matches every completion when every path ends matched, none when no path does; otherwise the
//! answer is unknown. Closing over every byte (not only valid UTF-8) can only add states, which
//! can only turn a decision into unknown, never into a wrong one.

use crate::value::Tri;
use foldhash::HashSet;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::LazyStateID;
use regex_automata::util::start;
use regex_automata::Anchored;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// States a gap may lead to, at most: beyond, the answer is unknown.
const MAX_STATES: usize = 4096;
/// Memory for one pattern's lazy DFA; a cache that fills up is cleared by the DFA, which
/// invalidates the states held, so the answer is then unknown.
const CACHE_BYTES: usize = 2 << 20;
/// Patterns kept compiled per thread.
const MAX_PATTERNS: usize = 256;

type Compiled = Option<Rc<RefCell<(DFA, Cache)>>>;

thread_local! {
    static COMPILED: RefCell<HashMap<String, Compiled>> = RefCell::new(HashMap::new());
}

fn compiled(pattern: &str) -> Compiled {
    COMPILED.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(d) = c.get(pattern) {
            return d.clone();
        }
        let built = DFA::builder()
            .configure(DFA::config().cache_capacity(CACHE_BYTES))
            .build(pattern)
            .ok()
            .map(|dfa| {
                let cache = dfa.create_cache();
                Rc::new(RefCell::new((dfa, cache)))
            });
        if c.len() >= MAX_PATTERNS {
            c.clear();
        }
        c.insert(pattern.to_string(), built.clone());
        built
    })
}

/// Whether `pattern` (unanchored, as `Regex::is_match`) matches the string made of `parts` with
/// an unknown string between each two: true when it matches every such string, false when none,
/// unknown otherwise (or when the pattern cannot be run as a DFA).
pub fn matches(pattern: &str, parts: &[Arc<str>]) -> Tri {
    let Some(d) = compiled(pattern) else {
        return Tri::Unknown;
    };
    let mut guard = d.borrow_mut();
    let (dfa, cache) = &mut *guard;
    let clears = cache.clear_count();
    let r = run(dfa, cache, parts).unwrap_or(Tri::Unknown);
    if cache.clear_count() != clears {
        // States were invalidated under the search: start afresh next time, answer nothing now.
        *cache = dfa.create_cache();
        return Tri::Unknown;
    }
    r
}

/// `None`: cannot tell (a quit state, too many states, a cache error).
///
/// The set of live states is a sorted, deduplicated `Vec`, two of them swapped byte by byte, so
/// stepping over known text allocates nothing; states are visited in the same (sorted) order as
/// a sorted set would give, so the lazy DFA sees the same calls.
fn run(dfa: &DFA, cache: &mut Cache, parts: &[Arc<str>]) -> Option<Tri> {
    let start = dfa
        .start_state(cache, &start::Config::new().anchored(Anchored::No))
        .ok()?;
    // Paths that have already matched are done: a match anywhere is a match.
    let mut matched = false;
    let mut live: Vec<LazyStateID> = vec![start];
    let mut next: Vec<LazyStateID> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            live = closure(dfa, cache, &live, &mut matched)?;
        }
        for b in part.bytes() {
            next.clear();
            for &s in &live {
                let t = dfa.next_state(cache, s, b).ok()?;
                if t.is_quit() {
                    return None;
                }
                if t.is_match() {
                    matched = true;
                } else {
                    next.push(t);
                }
            }
            if next.len() > 1 {
                next.sort_unstable();
                next.dedup();
            }
            std::mem::swap(&mut live, &mut next);
        }
    }
    let mut rejected = false;
    for &s in &live {
        let t = dfa.next_eoi_state(cache, s).ok()?;
        if t.is_quit() {
            return None;
        }
        if t.is_match() {
            matched = true;
        } else {
            rejected = true;
        }
    }
    Some(match (matched, rejected) {
        (true, false) => Tri::True,
        (false, _) => Tri::False,
        (true, true) => Tri::Unknown,
    })
}

/// Every state reachable from `from` (sorted, no duplicates) by some input (including none),
/// sorted; states that match are recorded in `matched` and left out.
fn closure(
    dfa: &DFA,
    cache: &mut Cache,
    from: &[LazyStateID],
    matched: &mut bool,
) -> Option<Vec<LazyStateID>> {
    let mut seen: HashSet<LazyStateID> = from.iter().copied().collect();
    let mut todo: Vec<LazyStateID> = from.to_vec();
    while let Some(s) = todo.pop() {
        if s.is_dead() {
            continue;
        }
        for b in 0..=u8::MAX {
            let t = dfa.next_state(cache, s, b).ok()?;
            if t.is_quit() {
                return None;
            }
            if t.is_match() {
                *matched = true;
                continue;
            }
            if seen.insert(t) {
                if seen.len() > MAX_STATES {
                    return None;
                }
                todo.push(t);
            }
        }
    }
    let mut out: Vec<LazyStateID> = seen.into_iter().collect();
    out.sort_unstable();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;
    use std::collections::BTreeSet;

    /// The implementation before live states were kept in reused `Vec`s (a `BTreeSet` built
    /// per byte), kept to check the new one against.
    fn old_matches(pattern: &str, parts: &[Arc<str>]) -> Tri {
        let Ok(dfa) = DFA::builder()
            .configure(DFA::config().cache_capacity(CACHE_BYTES))
            .build(pattern)
        else {
            return Tri::Unknown;
        };
        let mut cache = dfa.create_cache();
        let clears = cache.clear_count();
        let r = old_run(&dfa, &mut cache, parts).unwrap_or(Tri::Unknown);
        if cache.clear_count() != clears {
            return Tri::Unknown;
        }
        r
    }

    /// `None`: cannot tell (a quit state, too many states, a cache error).
    fn old_run(dfa: &DFA, cache: &mut Cache, parts: &[Arc<str>]) -> Option<Tri> {
        let start = dfa
            .start_state(cache, &start::Config::new().anchored(Anchored::No))
            .ok()?;
        // Paths that have already matched are done: a match anywhere is a match.
        let mut matched = false;
        let mut live: BTreeSet<LazyStateID> = BTreeSet::from([start]);
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                live = old_closure(dfa, cache, live, &mut matched)?;
            }
            for b in part.bytes() {
                let mut next = BTreeSet::new();
                for s in live {
                    let t = dfa.next_state(cache, s, b).ok()?;
                    if t.is_quit() {
                        return None;
                    }
                    if t.is_match() {
                        matched = true;
                    } else {
                        next.insert(t);
                    }
                }
                live = next;
            }
        }
        let mut rejected = false;
        for s in live {
            let t = dfa.next_eoi_state(cache, s).ok()?;
            if t.is_quit() {
                return None;
            }
            if t.is_match() {
                matched = true;
            } else {
                rejected = true;
            }
        }
        Some(match (matched, rejected) {
            (true, false) => Tri::True,
            (false, _) => Tri::False,
            (true, true) => Tri::Unknown,
        })
    }

    /// Every state reachable from `from` by some input (including none); states that match are
    /// recorded in `matched` and left out.
    fn old_closure(
        dfa: &DFA,
        cache: &mut Cache,
        from: BTreeSet<LazyStateID>,
        matched: &mut bool,
    ) -> Option<BTreeSet<LazyStateID>> {
        let mut seen = from.clone();
        let mut todo: Vec<LazyStateID> = from.into_iter().collect();
        while let Some(s) = todo.pop() {
            if s.is_dead() {
                continue;
            }
            for b in 0..=u8::MAX {
                let t = dfa.next_state(cache, s, b).ok()?;
                if t.is_quit() {
                    return None;
                }
                if t.is_match() {
                    *matched = true;
                    continue;
                }
                if seen.insert(t) {
                    if seen.len() > MAX_STATES {
                        return None;
                    }
                    todo.push(t);
                }
            }
        }
        Some(seen)
    }

    fn parts(p: &[&str]) -> Vec<Arc<str>> {
        p.iter().map(|s| Arc::from(*s)).collect()
    }

    #[test]
    fn a_known_prefix_decides_an_anchored_pattern() {
        let sa = parts(&["serviceAccount:", ""]);
        assert_eq!(matches("^serviceAccount:", &sa), Tri::True);
        assert_eq!(matches("^user:", &sa), Tri::False);
        // What follows the prefix is not known.
        assert_eq!(matches("@gmail\\.com$", &sa), Tri::Unknown);
        assert_eq!(
            matches(
                "(-compute@developer|@appspot)\\.gserviceaccount\\.com$",
                &sa
            ),
            Tri::Unknown
        );
        // A known suffix decides an end-anchored pattern.
        let suffix = parts(&["serviceAccount:", "-compute@developer.gserviceaccount.com"]);
        assert_eq!(
            matches(
                "(-compute@developer|@appspot)\\.gserviceaccount\\.com$",
                &suffix
            ),
            Tri::True
        );
        assert_eq!(
            matches("^user:", &parts(&["", "@example.com"])),
            Tri::Unknown
        );
        assert_eq!(matches("x$", &parts(&["x", ""])), Tri::Unknown);
        assert_eq!(matches("^x$", &parts(&["x", "y"])), Tri::False);
    }

    /// Completions of `parts`: each gap filled with one of `fills`.
    fn complete(parts: &[String], fills: &[String]) -> String {
        let mut out = parts[0].clone();
        for (i, p) in parts[1..].iter().enumerate() {
            out.push_str(&fills[i % fills.len()]);
            out.push_str(p);
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        /// A decision on a partial string never contradicts the pattern on a completion of it.
        #[test]
        fn a_decision_holds_for_every_completion(
            pattern in prop::sample::select(vec![
                "^serviceAccount:", "^user:", "@gmail\\.com$", "^a.*b$", "ab", "^$", "a|b$",
                "\\d{3}-", "^(ab)+$", "[^a]", "b\\z", "^.{2,4}$", "(?i)^USER:", "x*",
            ]),
            parts in prop::collection::vec("[abx:u@.s0-9-]{0,4}", 1..4),
            fills in prop::collection::vec("[abx:user@.gmailcom0-9-]{0,6}", 1..4),
        ) {
            let arcs: Vec<Arc<str>> = parts.iter().map(|s| Arc::from(s.as_str())).collect();
            let decided = matches(pattern, &arcs);
            let re = Regex::new(pattern).unwrap();
            let text = complete(&parts, &fills);
            match decided {
                Tri::True => prop_assert!(re.is_match(&text), "{pattern} on {text:?}"),
                Tri::False => prop_assert!(!re.is_match(&text), "{pattern} on {text:?}"),
                Tri::Unknown => {}
            }
            // With no gap the answer is the pattern's own.
            let whole = parts.concat();
            let exact = matches(pattern, &[Arc::from(whole.as_str())]);
            prop_assert_eq!(exact, Tri::from_bool(re.is_match(&whole)));
        }

        /// The live states kept in reused `Vec`s answer as the per-byte `BTreeSet` did.
        #[test]
        fn answers_as_the_set_per_byte_implementation(
            pattern in prop::sample::select(vec![
                "^serviceAccount:", "^user:", "@gmail\\.com$", "^a.*b$", "ab", "^$", "a|b$",
                "\\d{3}-", "^(ab)+$", "[^a]", "b\\z", "^.{2,4}$", "(?i)^USER:", "x*",
                "(a|ab)(c|bcd)(d*)", "^[a-z]+@[a-z]+\\.com$", "(?-u:\\xff)", "a{3,}b?$",
            ]),
            parts in prop::collection::vec("[abcdx:u@.s0-9-]{0,6}", 1..5),
        ) {
            let arcs: Vec<Arc<str>> = parts.iter().map(|s| Arc::from(s.as_str())).collect();
            prop_assert_eq!(matches(pattern, &arcs), old_matches(pattern, &arcs));
        }
    }
}
