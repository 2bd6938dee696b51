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
    // One thread and two, with the mention lines written and without (events only).
    let shape: Vec<(u64, bool)> =
        runs.iter().map(|r| (r["threads"].as_u64().unwrap_or(0), r["mentions_output"] == true)).collect();
    assert_eq!(shape, vec![(1, true), (2, true), (1, false), (2, false)], "runs measured: {last}");
    assert!(runs.iter().all(|r| r["events"].as_u64().unwrap_or(0) > 0), "no events: {last}");
    assert!(runs.iter().all(|r| r["events"] == runs[0]["events"]), "events differ between runs: {last}");
    assert!(runs[0]["mentions"].as_u64().unwrap_or(0) > 0 && runs[2]["mentions"] == 0, "mention counts: {last}");
    assert!(figures["corpus_mb"].as_f64().unwrap_or(0.0) >= 0.2);
}
