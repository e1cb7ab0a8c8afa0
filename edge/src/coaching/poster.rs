//! `GET /api/offerings/{id}/request-qr.svg`: the QR code of an offering on request's request
//! page, as SVG, for the poster a network prints (`/{lang}/coaching/{network}/poster`): a
//! neighbourhood reaches the form from paper. Public, and cached, as the offering is.

use qrcode::render::svg;
use qrcode::QrCode;
use relais_domain::problem::ProblemKind;
use serde::Deserialize;
use worker::{Env, Headers, Request, Response};

use crate::catalog::visible;
use crate::http::{ApiError, Caller};
use crate::registration::create::public_origin;

/// An hour: the code changes only if the offering stops being on request.
const MAX_AGE: u32 = 3600;

#[derive(Deserialize)]
struct OnRequest {
    network_id: String,
}

pub async fn request_qr(
    req: &Request,
    env: &Env,
    caller: &Caller,
    offering: &str,
) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let found: Option<OnRequest> = db
        .prepare(format!(
            "SELECT o.network_id FROM offering o JOIN coaching_offer c ON c.offering_id = o.id \
             WHERE o.id = ?1 AND o.network_id IS NOT NULL AND {}",
            visible::published("o")
        ))
        .bind(&[offering.into()])?
        .first(None)
        .await?;
    let Some(found) = found else {
        return Err(ApiError::Problem(ProblemKind::NotFound, vec![]));
    };
    let address = format!(
        "{}/{}/coaching/{}?offering={}",
        public_origin(env, req)?,
        caller.lang.code(),
        found.network_id,
        offering
    );
    let code =
        QrCode::new(address.as_bytes()).map_err(|e| ApiError::Internal(format!("QR code: {e}")))?;
    let image = code
        .render::<svg::Color>()
        .min_dimensions(256, 256)
        .quiet_zone(true)
        .build();
    let headers = Headers::new();
    headers.set("Content-Type", "image/svg+xml")?;
    headers.set("Cache-Control", &format!("public, max-age={MAX_AGE}"))?;
    Ok(Response::ok(image)?.with_headers(headers))
}
