//! The throughput benchmark's log (`examples/mixed_log.rs`, which `benches/cli_throughput.sh`
//! writes), run as the benchmark runs it: it must keep up with the specs (a model whose page
//! asks for a list or a sum made it panic once), mix every model and every price form, and be
//! mostly requests the API accepts.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Command;

use shortapi_pricing::jsonl::{Log, Mode, Verdict};
use shortapi_pricing::{Expect, Model};

/// `target/<profile>/examples/mixed_log`, which `cargo test` builds before running tests.
fn example() -> PathBuf {
    let mut dir = std::env::current_exe().unwrap();
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    dir.join("examples")
        .join(format!("mixed_log{}", std::env::consts::EXE_SUFFIX))
}

#[test]
fn the_benchmark_log_mixes_every_model_and_form_and_is_mostly_valid() {
    let out = Command::new(example()).arg("6000").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut models = HashSet::new();
    let (mut entries, mut rejected, mut quoted, mut measured, mut estimated, mut unpriced) =
        (0, 0, 0, 0, 0, 0);
    for entry in Log::new(&out.stdout[..], Mode::Quote).expecting(Expect::Body) {
        let entry = entry.expect("reading from memory cannot fail");
        entries += 1;
        match &entry.verdict {
            Verdict::Quoted(q) => {
                models.insert(q.model());
                quoted += 1;
                measured += usize::from(!q.usage().is_empty());
            }
            Verdict::Estimated(e) => {
                models.insert(e.model());
                estimated += 1;
            }
            Verdict::Unpriced(u) => {
                models.insert(u.model());
                unpriced += 1;
            }
            Verdict::Rejected(_) => rejected += 1,
            Verdict::Checked(_) => unreachable!("a quote log"),
        }
    }
    assert_eq!(entries, 6000);
    assert_eq!(
        models.len(),
        Model::ALL.len(),
        "every model has accepted lines"
    );
    assert!(rejected < 6000 / 5, "{rejected} rejected of 6000");
    assert!(
        rejected > 6000 / 100,
        "{rejected}: the log has refused requests too"
    );
    println!(
        "{quoted} quoted ({measured} measured), {estimated} estimated, {unpriced} unpriced, {rejected} rejected"
    );
    assert!(quoted > 6000 / 2 && measured > 0 && estimated > 0 && unpriced > 0);
}
