//! The shipped text corpus, read once: shared by the criterion bench and
//! `examples/cost.rs` (included with `#[path]`; a folder under `benches/`
//! is no bench target of its own).

/// The texts of `corpus/text/*.txt`, in file-name order.
pub fn texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/text");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus/text exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 corpus file"))
        .collect()
}
