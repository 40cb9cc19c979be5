//! The Node.js side of the frontend and browser tests (tests/frontend.rs, tests/browser.rs):
//! the folder of their scripts and npm packages, scratch folders, and `npm ci`.
//!
//! Included by path (`#[path = "common/npm.rs"]`) so that it depends on nothing else in
//! tests/common.

#![allow(dead_code)]

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// tests/frontend/: the Node.js scripts, and the npm packages they use
/// (package.json, package-lock.json).
pub fn frontend_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/frontend"))
}

/// A fresh, empty scratch folder `group/name` under the test target's temporary folder.
pub fn scratch(group: &str, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(group)
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// An exclusive lock named `name` across processes (cargo-nextest runs each test in a process
/// of its own), held until the file is dropped: while one test holds it, no other installs or
/// rebuilds what these tests share.
pub fn across_processes(name: &str) -> File {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.lock"));
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .unwrap();
    // The library's MSRV is 1.85; its tests, run on the CI's stable, may use 1.89's file locks.
    #[allow(clippy::incompatible_msrv)]
    file.lock().unwrap();
    file
}

/// Installs the packages of tests/frontend/package-lock.json (`npm ci`) unless the installed
/// ones were installed from this very lock file (a copy of it is kept in
/// node_modules/.shortapi-pricing-lock-stamp after a successful install).
pub fn ensure_npm_packages() {
    static ONCE: Mutex<bool> = Mutex::new(false);
    let mut done = ONCE.lock().unwrap_or_else(|e| e.into_inner());
    if *done {
        return;
    }
    let _installing = across_processes("npm");
    let lock = std::fs::read(frontend_dir().join("package-lock.json")).unwrap();
    let stamp = frontend_dir().join("node_modules/.shortapi-pricing-lock-stamp");
    if std::fs::read(&stamp).ok().as_deref() != Some(lock.as_slice()) {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(frontend_dir())
            .status()
            .expect("npm runs (Node.js and npm are needed for this test)");
        assert!(status.success(), "npm ci in tests/frontend failed");
        std::fs::write(&stamp, &lock).unwrap();
    }
    *done = true;
}
