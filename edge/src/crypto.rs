//! Random tokens and their digests, from the runtime's Web Crypto.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::http::ApiError;

fn crypto() -> Result<web_sys::Crypto, ApiError> {
    js_sys::global()
        .unchecked_into::<web_sys::WorkerGlobalScope>()
        .crypto()
        .map_err(|e| ApiError::Internal(format!("no crypto: {e:?}")))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `bytes` random bytes, as lower-case hex (URL-safe, twice as long).
pub fn random_hex(bytes: usize) -> Result<String, ApiError> {
    let mut buffer = vec![0u8; bytes];
    crypto()?
        .get_random_values_with_u8_array(&mut buffer)
        .map_err(|e| ApiError::Internal(format!("random: {e:?}")))?;
    Ok(hex(&buffer))
}

/// SHA-256 of `text`, as lower-case hex.
pub async fn sha256_hex(text: &str) -> Result<String, ApiError> {
    let promise = crypto()?
        .subtle()
        .digest_with_str_and_u8_array("SHA-256", text.as_bytes())
        .map_err(|e| ApiError::Internal(format!("digest: {e:?}")))?;
    let digest = JsFuture::from(promise)
        .await
        .map_err(|e| ApiError::Internal(format!("digest: {e:?}")))?;
    Ok(hex(&js_sys::Uint8Array::new(&digest).to_vec()))
}

/// PBKDF2-SHA256 of `password` with `salt`: a 32-byte key. Runs in the runtime's own Web
/// Crypto, which on Workers allows at most 100,000 iterations.
pub async fn pbkdf2_sha256(
    password: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<Vec<u8>, ApiError> {
    let failed = |e: wasm_bindgen::JsValue| ApiError::Internal(format!("pbkdf2: {e:?}"));
    let subtle = crypto()?.subtle();
    let usages = js_sys::Array::of1(&"deriveBits".into());
    let key: web_sys::CryptoKey = JsFuture::from(
        subtle
            .import_key_with_str(
                "raw",
                &js_sys::Uint8Array::from(password.as_bytes()),
                "PBKDF2",
                false,
                &usages,
            )
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?
    .unchecked_into();
    let params = web_sys::Pbkdf2Params::new(
        "PBKDF2",
        &"SHA-256".into(),
        iterations,
        &js_sys::Uint8Array::from(salt),
    );
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, &key, 256)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&bits).to_vec())
}

/// `bytes` random bytes.
pub fn random_bytes(bytes: usize) -> Result<Vec<u8>, ApiError> {
    let mut buffer = vec![0u8; bytes];
    crypto()?
        .get_random_values_with_u8_array(&mut buffer)
        .map_err(|e| ApiError::Internal(format!("random: {e:?}")))?;
    Ok(buffer)
}

/// Whether two byte strings are equal, taking the same time wherever they differ.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
