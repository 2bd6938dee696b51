//! `frontline extract` end to end on invented fixtures: the events and
//! mentions contract, inputs of every kind, and bad inputs reported per
//! article (id and reason on stderr, exit code 1) while the rest of the
//! batch is processed.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;
use common::Scratch;

/// An invented report, in the style of a wire story.
const STORY: &str = "On 3 June 2023, Islamic State fighters attacked regime forces near Palmyra, killing two soldiers, the Syrian Observatory for Human Rights said.\nREAD MORE: Storm floods a coastal town\n";

fn dir(name: &str) -> Scratch {
    Scratch::new(&format!("cli-{name}"))
}

struct Run {
    code: i32,
    stderr: String,
    events: Vec<Value>,
    mentions: Vec<Value>,
}

fn extract(d: &Path, inputs: &[&Path], stdin: Option<&[u8]>) -> Run {
    let (ev, me) = (d.join("events.jsonl"), d.join("mentions.jsonl"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontline"));
    cmd.arg("extract").args(inputs).arg("-o").arg(&ev).arg("--mentions").arg(&me);
    let out = match stdin {
        Some(bytes) => {
            use std::io::Write;
            cmd.arg("-")
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            let mut child = cmd.spawn().expect("run frontline");
            child.stdin.take().expect("stdin").write_all(bytes).expect("write stdin");
            child.wait_with_output().expect("wait")
        }
        None => cmd.output().expect("run frontline"),
    };
    let lines = |p: &Path| -> Vec<Value> {
        std::fs::read_to_string(p)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).expect("output lines are JSON"))
            .collect()
    };
    Run {
        code: out.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        events: lines(&ev),
        mentions: lines(&me),
    }
}

fn line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text, "published": "2023-06-04", "outlet": "Test Wire"}).to_string() + "\n"
}

#[test]
fn good_article_gives_contract_fields() {
    let scratch = dir("good");
    let d = scratch.path();
    let f = d.join("in.jsonl");
    std::fs::write(&f, line("a1", STORY)).unwrap();
    let r = extract(d, &[&f], None);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert_eq!(r.events.len(), 1, "one event expected: {:?}", r.events);
    let e = &r.events[0];
    for (k, v) in [
        ("article_id", "a1"),
        ("event_date", "2023-06-03"),
        ("event_type", "Battles"),
        ("sub_event_type", "Armed clash"),
        ("disorder_type", "Political violence"),
        ("actor1", "Islamic State (Syria)"),
        ("actor2", "Military Forces of Syria (2000-)"),
    ] {
        assert_eq!(e[k], v, "field {k} in {e}");
    }
    assert_eq!(e["fatalities"], 2);
    assert_eq!(e["interaction"], 12);
    assert!(e["source"].as_str().unwrap().contains("SOHR"), "source {}", e["source"]);
    let chars: Vec<char> = STORY.chars().collect();
    for sp in e["evidence"].as_array().unwrap().iter().chain(r.mentions.iter()) {
        let (s, t) = (sp["start"].as_u64().unwrap() as usize, sp["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[s..t].iter().collect::<String>(), sp["text"].as_str().unwrap());
    }
    assert!(!e["evidence"].to_string().contains("Storm"), "furniture in evidence");
    assert!(r.mentions.iter().any(|m| m["kind"] == "count" && m["value"] == 2));
}

#[test]
fn bad_articles_are_reported_and_the_batch_goes_on() {
    let scratch = dir("bad");
    let d = scratch.path();
    let f = d.join("mixed.jsonl");
    let mut bytes = Vec::new();
    bytes.extend_from_slice(line("ok1", STORY).as_bytes());
    bytes.extend_from_slice(b"{\"id\": \"broken\", \"text\": \n");
    bytes.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"caf\xe9\"}\n");
    bytes.extend_from_slice(line("empty", "   ").as_bytes());
    bytes.extend_from_slice(line("binary", &"\u{1}\u{2}\u{3}\u{0}".repeat(50)).as_bytes());
    bytes.extend_from_slice(line("huge", &"x".repeat(frontline_pipeline_limit() + 10)).as_bytes());
    bytes.extend_from_slice(line("ok2", STORY).as_bytes());
    std::fs::write(&f, bytes).unwrap();
    let r = extract(d, &[&f], None);
    assert_eq!(r.code, 1, "exit code 1 when some articles fail; stderr: {}", r.stderr);
    for (who, why) in [
        ("mixed.jsonl:2", "not JSON"),
        ("mixed.jsonl:3", "not UTF-8"),
        ("empty", "empty"),
        ("binary", "binary"),
        ("huge", "bytes"),
    ] {
        assert!(
            r.stderr.lines().any(|l| l.contains(who) && l.contains(why)),
            "no error naming {who} ({why}) in stderr:\n{}",
            r.stderr
        );
    }
    let ids: Vec<&str> = r.events.iter().map(|e| e["article_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["ok1", "ok2"], "the good articles are processed, in input order");
}

fn frontline_pipeline_limit() -> usize {
    4 << 20
}

#[test]
fn text_files_with_sidecars_directories_and_stdin() {
    let scratch = dir("kinds");
    let d = scratch.path();
    let inputs = d.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::write(inputs.join("story.txt"), STORY).unwrap();
    std::fs::write(inputs.join("story.json"), r#"{"published": "2023-06-04", "outlet": "Test Wire"}"#).unwrap();
    std::fs::write(inputs.join("notes.bin"), [0u8, 1, 2]).unwrap();
    std::fs::write(inputs.join("bad.txt"), [0xffu8, 0xfe, 0x41]).unwrap();
    let r = extract(d, &[&inputs], None);
    assert_eq!(r.code, 1, "bad.txt is not UTF-8; stderr: {}", r.stderr);
    assert!(r.stderr.contains("bad.txt") && r.stderr.contains("not UTF-8"), "stderr: {}", r.stderr);
    assert_eq!(r.events.len(), 1, "story.txt gives its event: {:?}", r.events);
    assert_eq!(r.events[0]["article_id"], "story.txt");
    assert_eq!(r.events[0]["event_date"], "2023-06-03");

    let r = extract(d, &[], Some(line("s1", STORY).as_bytes()));
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert_eq!(r.events.len(), 1);
    assert_eq!(r.events[0]["article_id"], "s1");
}

#[test]
fn no_event_from_text_outside_political_violence() {
    let scratch = dir("quiet");
    let d = scratch.path();
    let f = d.join("in.jsonl");
    let text = "A storm flooded the coastal town on Monday, killing three people, officials said. The football team lost the final.";
    std::fs::write(&f, line("calm", text)).unwrap();
    let r = extract(d, &[&f], None);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert!(r.events.is_empty(), "no events expected: {:?}", r.events);
}

#[test]
fn dash_as_events_output_is_stdout() {
    let scratch = dir("dash");
    let d = scratch.path();
    let f = d.join("in.jsonl");
    std::fs::write(&f, line("a1", STORY)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .current_dir(d)
        .arg("extract")
        .arg(&f)
        .args(["-o", "-"])
        .output()
        .expect("run frontline");
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    assert_eq!(stdout.lines().count(), 1, "one event line on stdout: {stdout}");
    assert!(!d.join("-").exists(), "no file named '-' is written");
}

#[test]
fn missing_input_is_fatal() {
    let scratch = dir("missing");
    let d = scratch.path();
    let r = extract(d, &[&d.join("nope.jsonl")], None);
    assert_eq!(r.code, 2, "stderr: {}", r.stderr);
    assert!(r.stderr.contains("nope.jsonl"), "stderr: {}", r.stderr);
}
