//! Fetching a web page for the loader, with a client that is safe to point at any address:
//! TLS by rustls (certificates checked against the Mozilla roots that ship in the binary),
//! one time limit for the whole fetch, at most ten redirects, and a cap on the bytes read
//! (checked against a declared `Content-Length` before reading, and while reading).
//!
//! Built only with the `fetch` cargo feature (on by default); without it a web address is
//! an error that says so.

use super::{FetchOptions, Fetched};

/// A fetched page: where it was finally served from and when, what it says it is, and its
/// bytes.
pub(super) struct Page {
    /// The final address and the time of the fetch.
    pub fetched: Fetched,
    /// The `Content-Type` header, when there is one.
    pub content_type: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

/// The limit in words: "64 MiB", "12 kB".
fn size(bytes: u64) -> String {
    if bytes >= 1048576 {
        format!("{} MiB", bytes / 1048576)
    } else {
        format!("{bytes} bytes")
    }
}

/// Fetches `url` (an `http://` or `https://` address) with a GET request; an error is a
/// message about the fetch, for a diagnostic naming the address.
#[cfg(feature = "fetch")]
pub(super) fn fetch(url: &str, opts: &FetchOptions) -> Result<Page, String> {
    use ureq::ResponseExt;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .max_redirects(10)
        .http_status_as_error(false)
        .user_agent(concat!("claimgraph/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let describe = |e: ureq::Error| match e {
        ureq::Error::Timeout(_) => format!(
            "cannot fetch: no complete answer within {} s",
            opts.timeout.as_secs_f64()
        ),
        ureq::Error::BodyExceedsLimit(_) => format!(
            "cannot fetch: the page holds more than the limit of {}",
            size(opts.max_bytes)
        ),
        other => format!("cannot fetch: {other}"),
    };
    let mut resp = agent
        .get(url)
        .header(
            "Accept",
            "text/html, application/xhtml+xml, text/markdown;q=0.9, text/plain;q=0.8, \
             application/x-ndjson;q=0.5",
        )
        .call()
        .map_err(describe)?;
    let status = resp.status();
    if !status.is_success() {
        return Err(format!("cannot fetch: the server answered {status}"));
    }
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    if let Some(len) = header("content-length").and_then(|v| v.trim().parse::<u64>().ok()) {
        if len > opts.max_bytes {
            return Err(format!(
                "cannot fetch: the page is {} bytes, over the limit of {}",
                len,
                size(opts.max_bytes)
            ));
        }
    }
    let content_type = header("content-type");
    let final_url = resp.get_uri().to_string();
    let body = resp
        .body_mut()
        .with_config()
        .limit(opts.max_bytes)
        .read_to_vec()
        .map_err(describe)?;
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    Ok(Page {
        fetched: Fetched { url: final_url, at },
        content_type,
        body,
    })
}

/// Without the `fetch` feature there is no client: the error says how to get one.
#[cfg(not(feature = "fetch"))]
pub(super) fn fetch(_url: &str, opts: &FetchOptions) -> Result<Page, String> {
    let _ = size(opts.max_bytes);
    Err(
        "this claimgraph was built without the fetch feature, so it cannot fetch web \
         pages: save the page and give the file, or build with the default features"
            .into(),
    )
}
