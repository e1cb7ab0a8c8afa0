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
