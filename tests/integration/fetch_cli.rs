//! Articles named by web address, fetched from a server on 127.0.0.1 started by the test:
//! HTML through the Readability path, the final address after a redirect and the fetch
//! time kept, an error status, a page over the size cap and a server that never answers
//! each a clear error naming the address.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Output};
use std::time::Duration;

fn claimgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .output()
        .unwrap()
}

const PAGE: &str = "<!DOCTYPE html><html><head><title>Storm closes Ostrel bridge</title><meta property=\"og:site_name\" content=\"Ostrel Herald\"><meta property=\"article:published_time\" content=\"2031-05-02T09:00:00Z\"></head><body><nav>Home | News</nav><article><h1>Storm closes Ostrel bridge</h1><p>The Ostrel Harbour Board said on Friday that the bridge would stay closed for a week after the storm damaged two of its cables.</p><p>“We will not reopen it before every cable has been inspected,” said Ana Varga, the board's engineer.</p><p>The Dockers Union said the closure would cost its members a week of work.</p></article></body></html>";

/// Serves requests on a fresh port until the test ends: `/old` redirects to `/news/storm`,
/// `/news/storm` is the page, `/gone` is a 404, `/huge` declares a body over the cap,
/// `/slow` never answers.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream));
        }
    });
    format!("http://{addr}")
}

fn answer(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
            break;
        }
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let reply = match path.as_str() {
        "/old" => "HTTP/1.1 301 Moved Permanently\r\nLocation: /news/storm\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
        "/news/storm" => format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{PAGE}",
            PAGE.len()
        ),
        "/huge" => "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 999999999999\r\nConnection: close\r\n\r\n<html>".to_string(),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(10));
            return;
        }
        _ => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
    };
    let _ = stream.write_all(reply.as_bytes());
}

#[test]
fn a_web_page_is_fetched_and_read_as_an_article() {
    let base = serve();
    let url = format!("{base}/old");
    let o = claimgraph(&["report", &url, "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r = claimgraph::Report::from_json(&String::from_utf8(o.stdout).unwrap()).unwrap();
    assert_eq!(r.articles.len(), 1);
    let a = &r.articles[0];
    assert_eq!(a.title.as_deref(), Some("Storm closes Ostrel bridge"));
    // the final address after the redirect, and when
    let final_url = format!("{base}/news/storm");
    assert_eq!(a.fetched_from.as_deref(), Some(final_url.as_str()));
    let at = a.fetched_at.as_deref().unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "{at}");
    assert_eq!(a.url.as_deref(), Some(final_url.as_str()));
    assert!(!r.claims.is_empty());
    assert!(r
        .claims
        .iter()
        .all(|c| !c.evidence.text.contains("Home | News")));
    // with extract and check too
    let o = claimgraph(&["extract", &url]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Ana Varga"));
    let o = claimgraph(&["check", "The bridge is closed", &url]);
    assert!(o.status.success());
}

#[test]
fn fetch_failures_name_the_address() {
    let base = serve();
    for (path, want, extra) in [
        ("/gone", "the server answered 404", vec![]),
        ("/huge", "over the limit of 64 MiB", vec![]),
        (
            "/slow",
            "no complete answer within 0.5 s",
            vec!["--fetch-timeout", "0.5"],
        ),
    ] {
        let url = format!("{base}{path}");
        let mut args = vec!["report", url.as_str()];
        args.extend(extra);
        let started = std::time::Instant::now();
        let o = claimgraph(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{path}: {err}");
        assert!(
            err.contains(&format!("error: {url}: cannot fetch")),
            "{path}: {err}"
        );
        assert!(err.contains(want), "{path}: {err}");
        assert!(started.elapsed() < Duration::from_secs(8), "{path}");
    }
}
