//! `GET /api/openapi.json`: the API's own description, kept beside the code it describes.

use worker::{Headers, Response};

use crate::http::ApiError;

const DOCUMENT: &str = include_str!("../openapi.json");

pub fn get() -> Result<Response, ApiError> {
    let body = DOCUMENT.replace(
        "\"version\": \"0.0.0\"",
        &format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")),
    );
    let headers = Headers::new();
    headers.set("Content-Type", "application/json; charset=utf-8")?;
    headers.set("Cache-Control", "public, max-age=300")?;
    Ok(Response::ok(body)?.with_headers(headers))
}
