//! `redress watch --serve`: the live preview, a local web page that shows
//! the last render of the case being edited (the decision in both variants
//! side by side, the check's warnings linked to their lines, the documents
//! the case calls for, the review findings) and reloads itself when a
//! render finishes.
//!
//! It listens on the loopback interface only and answers only requests
//! addressed to it by a loopback name (a web page elsewhere cannot reach it
//! through DNS rebinding): the page shows the unredacted decision.

use std::net::SocketAddr;
use std::path::Path;

use minijinja::{AutoEscape, Environment, context};
use tiny_http::{Header, Request, Response, Server};

use crate::watch::{Shared, Snapshot};

const PAGE: &str = include_str!("../templates/preview.html.j2");

const CASE_PAGE: &str = include_str!("../templates/preview-case.html.j2");

/// The preview server, bound and ready.
pub struct Preview {
    server: Server,
    env: Environment<'static>,
}

impl Preview {
    /// Binds `addr`, which must be a loopback address (port 0: any free
    /// port).
    pub fn bind(addr: SocketAddr) -> std::io::Result<Self> {
        if !addr.ip().is_loopback() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the preview listens on a loopback address only (127.0.0.1 or [::1]): it shows unredacted documents",
            ));
        }
        let server = Server::http(addr).map_err(std::io::Error::other)?;
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        env.add_template("preview.html", PAGE)
            .expect("the preview template parses");
        env.add_template("case.html", CASE_PAGE)
            .expect("the case page template parses");
        Ok(Self { server, env })
    }

    /// The address it listens on.
    pub fn addr(&self) -> Option<SocketAddr> {
        self.server.server_addr().to_ip()
    }

    /// Answers requests until the process ends.
    pub fn serve(&self, shared: &Shared) {
        for request in self.server.incoming_requests() {
            let snapshot = shared.lock().expect("not poisoned").clone();
            let _ = self.answer(request, &snapshot);
        }
    }

    fn answer(&self, request: Request, s: &Snapshot) -> std::io::Result<()> {
        if !addressed_to_loopback(&request) {
            return request.respond(Response::from_string("not found").with_status_code(404));
        }
        let url = request.url().split('?').next().unwrap_or("/").to_string();
        match url.as_str() {
            "/" => {
                let page = self.render("preview.html", context! { s => s });
                request.respond(html(page))
            }
            "/generation" => request.respond(
                Response::from_string(s.generation.to_string())
                    .with_header(header("Content-Type", "text/plain; charset=utf-8"))
                    .with_header(header("Cache-Control", "no-store")),
            ),
            "/case" => {
                let lines: Vec<&str> = s.text.lines().collect();
                let page = self.render("case.html", context! { file => &s.file, lines => lines });
                request.respond(html(page))
            }
            _ => match url.strip_prefix("/files/") {
                Some(name) if s.files.iter().any(|f| f == name) => {
                    let path = s.dir.as_deref().unwrap_or(Path::new(".")).join(name);
                    match std::fs::read(path) {
                        Ok(bytes) => request.respond(
                            Response::from_data(bytes)
                                .with_header(header("Content-Type", content_type(name))),
                        ),
                        Err(_) => {
                            request.respond(Response::from_string("gone").with_status_code(404))
                        }
                    }
                }
                _ => request.respond(Response::from_string("not found").with_status_code(404)),
            },
        }
    }

    fn render(&self, name: &str, ctx: minijinja::Value) -> String {
        self.env
            .get_template(name)
            .and_then(|t| t.render(ctx))
            .unwrap_or_else(|e| format!("the preview page failed: {e}"))
    }
}

/// Whether the request's Host names a loopback address.
fn addressed_to_loopback(request: &Request) -> bool {
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_ascii_lowercase());
    let Some(host) = host else {
        return false;
    };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    matches!(name, "localhost" | "127.0.0.1" | "::1")
}

fn html(page: String) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(page)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn content_type(name: &str) -> &'static str {
    match Path::new(name).extension().and_then(|e| e.to_str()) {
        Some("pdf") => "application/pdf",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}
