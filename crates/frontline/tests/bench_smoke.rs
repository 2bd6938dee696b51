//! Smoke test of `frontline bench`: on a tiny generated corpus it must run,
//! print its speed figures and pass its own answer checks (events come out,
//! the same count on every run and thread count). The real measurements are
//! made by hand with the release build (see BENCHMARKS.md).

use std::process::Command;

fn bench(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("bench")
        .args(args)
        .env("FRONTLINE_HOME", std::env::temp_dir().join("frontline-bench-smoke-home"))
        .output()
        .expect("cannot run the frontline binary");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bench_on_200_kb_produces_events_and_prints_speed() {
    let (ok, stdout, stderr) = bench(&["--mb", "0.2", "--repeat", "1", "--threads", "2", "--json"]);
    assert!(ok, "bench failed: {stderr}\n{stdout}");
    assert!(stdout.contains("MB/s"), "no MB/s figure:\n{stdout}");
    assert!(stdout.contains("checks: ok"), "checks did not pass:\n{stdout}");
    let last = stdout.lines().last().unwrap_or_default();
    let figures: serde_json::Value = serde_json::from_str(last).expect("last line is the JSON figures");
    let runs = figures["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 2, "one thread and two threads measured");
    assert!(runs.iter().all(|r| r["events"].as_u64().unwrap_or(0) > 0), "no events: {last}");
    assert!(figures["corpus_mb"].as_f64().unwrap_or(0.0) >= 0.2);
}
