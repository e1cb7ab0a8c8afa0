//! A resource's attached file: `PUT`/`DELETE /api/dashboard/library/{id}/file` for its
//! network's librarians (scoped as the rest of `curate`), and its download for each reader
//! `resource::Reader` knows, under the very condition that reader's resource is read with.
//! `domain::library::file` states what a file may be.

use relais_domain::authoring::{PublicationState, ResourceDraft};
use relais_domain::library::file::{self, FileType, ResourceFile, Upload, MAX_FILE_BYTES};
use relais_domain::problem::ProblemKind;
use wasm_bindgen::JsCast;
use worker::{D1Database, Env, Headers, Request, Response};

use crate::auth::{self, Staff};
use crate::dashboard::{at, audit, not_found, refuse, run};
use crate::http::{self, private_json, ApiError, Caller};
use crate::library::curate::{authored, load, CURATE};
use crate::library::resource::{self, Reader};
use crate::registration::transitions::{Statement, Value};

/// A download may not run or load anything, even opened in a tab.
const DOWNLOAD_POLICY: &str = "default-src 'none'; sandbox";

/// `PUT /api/dashboard/library/{id}/file?name=`: the body is the file, its `Content-Type` its
/// type. It replaces the one before; a type not taken is refused (415) before anything is
/// read, a file over the cap as soon as its bytes pass it (413).
pub async fn attach(
    req: &Request,
    env: &Env,
    caller: &Caller,
    id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, CURATE, true).await?;
    let content_type = req.headers().get("Content-Type")?.unwrap_or_default();
    if FileType::parse(&content_type).is_none() {
        return Err(ApiError::Problem(
            ProblemKind::UnsupportedMediaType,
            vec![("type", "unsupported-file-type")],
        ));
    }
    let db = env.d1("DB")?;
    let (network, before) = load(&db, &staff, id).await?;
    let bytes = http::body_bytes(req, MAX_FILE_BYTES).await?;
    let upload = Upload {
        name: caller.param("name").unwrap_or_default(),
        content_type: &content_type,
        bytes: &bytes,
    };
    let kept = upload
        .check()
        .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    let digest = crate::crypto::sha256_bytes_hex(&bytes).await?;
    let at = at();
    let stored = store(id, &kept, &digest, bytes, &at);
    let change = Change {
        db: &db,
        staff: &staff,
        id,
        network,
        before,
    };
    change
        .write(Some(kept), stored, "file-attached", &at, caller)
        .await
}

/// `DELETE /api/dashboard/library/{id}/file`: a published resource keeps something to read
/// (a link or a body), else the removal is refused as publishing would be.
pub async fn remove(
    req: &Request,
    env: &Env,
    caller: &Caller,
    id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, CURATE, true).await?;
    let db = env.d1("DB")?;
    let (network, before) = load(&db, &staff, id).await?;
    if before.file.is_none() {
        return Err(not_found());
    }
    let without = ResourceDraft {
        file: None,
        ..before.clone()
    };
    if without.state == PublicationState::Published {
        refuse(without.check_publish())?;
    }
    let deleted = Statement {
        sql: "DELETE FROM resource_file WHERE resource_id = ?1".to_owned(),
        params: vec![id.into()],
    };
    let change = Change {
        db: &db,
        staff: &staff,
        id,
        network,
        before,
    };
    change
        .write(None, deleted, "file-removed", &at(), caller)
        .await
}

/// A change to resource `id`'s file, as its network's librarian makes it.
struct Change<'a> {
    db: &'a D1Database,
    staff: &'a Staff,
    id: &'a str,
    network: String,
    before: ResourceDraft,
}

impl Change<'_> {
    /// Runs `statement` with the resource's new time and its audit entry in one batch, and
    /// answers the resource as it now is, with `file`.
    async fn write(
        self,
        file: Option<ResourceFile>,
        statement: Statement,
        action: &str,
        at: &str,
        caller: &Caller,
    ) -> Result<Response, ApiError> {
        let after = ResourceDraft {
            file,
            ..self.before.clone()
        };
        let touched = Statement {
            sql: "UPDATE resource SET updated_at = ?2 WHERE id = ?1".to_owned(),
            params: vec![self.id.into(), at.into()],
        };
        let entry = audit::record(
            &self.network,
            &self.staff.account_id,
            at,
            ("resource", self.id),
            action,
            audit::changes(Some(&self.before), &after)?,
        );
        run(self.db, &[statement, touched, entry]).await?;
        crate::cache::forget_public();
        private_json(&authored(self.id, self.network, after, caller)?)
    }
}

/// The file kept for resource `id`, in place of any before.
pub(super) fn store(
    id: &str,
    file: &ResourceFile,
    digest: &str,
    bytes: Vec<u8>,
    at: &str,
) -> Statement {
    Statement {
        sql: "INSERT INTO resource_file \
                (resource_id, name, media_type, size, sha256, body, uploaded_at) \
              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
              ON CONFLICT (resource_id) DO UPDATE SET name = excluded.name, \
                media_type = excluded.media_type, size = excluded.size, \
                sha256 = excluded.sha256, body = excluded.body, \
                uploaded_at = excluded.uploaded_at"
            .to_owned(),
        params: vec![
            id.into(),
            file.name.as_str().into(),
            file.media_type.as_str().into(),
            Value::Int(i64::try_from(file.size).unwrap_or(i64::MAX)),
            digest.into(),
            Value::Bytes(bytes),
            at.into(),
        ],
    }
}

/// The file of resource `id` as `reader` may read it (else 404, as the resource itself),
/// saved under its name, never shown inside a page.
pub async fn download(
    env: &Env,
    id: &str,
    reader: Reader<'_>,
    cache_control: &str,
) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let (readable, binds) = resource::readable(id, reader);
    let sql = format!(
        "SELECT f.name, f.media_type, f.sha256, f.body \
         FROM resource r JOIN resource_file f ON f.resource_id = r.id \
         WHERE r.id = ?1 AND {readable}"
    );
    let rows = db.prepare(&sql).bind(&binds)?.raw_js_value().await?;
    let row: js_sys::Array = rows
        .into_iter()
        .next()
        .ok_or_else(not_found)?
        .dyn_into()
        .map_err(|_| ApiError::Internal("a file's row is not an array".into()))?;
    let column = |i: u32| {
        row.get(i)
            .as_string()
            .ok_or_else(|| ApiError::Internal(format!("a file's column {i} is not text")))
    };
    let (name, media_type, digest) = (column(0)?, column(1)?, column(2)?);
    // D1 gives a BLOB as an array of numbers or a buffer: both are copied alike.
    let body = js_sys::Uint8Array::new(&row.get(3)).to_vec();
    let headers = Headers::new();
    headers.set("Content-Type", &media_type)?;
    headers.set("Content-Disposition", &file::content_disposition(&name))?;
    headers.set("Content-Security-Policy", DOWNLOAD_POLICY)?;
    headers.set("Cache-Control", cache_control)?;
    headers.set("ETag", &format!("\"{digest}\""))?;
    Ok(Response::from_bytes(body)?.with_headers(headers))
}
