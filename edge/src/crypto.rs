//! Random tokens, their digests, and secrets sealed under a key derived from another, from
//! the runtime's Web Crypto.

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
    sha256_bytes_hex(text.as_bytes()).await
}

/// SHA-256 of `bytes`, as lower-case hex.
pub async fn sha256_bytes_hex(bytes: &[u8]) -> Result<String, ApiError> {
    let promise = crypto()?
        .subtle()
        .digest_with_str_and_u8_array("SHA-256", bytes)
        .map_err(|e| ApiError::Internal(format!("digest: {e:?}")))?;
    let digest = JsFuture::from(promise)
        .await
        .map_err(|e| ApiError::Internal(format!("digest: {e:?}")))?;
    Ok(hex(&js_sys::Uint8Array::new(&digest).to_vec()))
}

/// A private link's token, as its address carries it, and the digest stored in its place
/// (registrations' manage links, members' and followers' links).
pub struct PrivateToken {
    pub token: String,
    pub token_hash: String,
}

/// Bytes of randomness in a private link's token: 48 hex digits.
const PRIVATE_TOKEN_BYTES: usize = 24;

impl PrivateToken {
    pub async fn new() -> Result<PrivateToken, ApiError> {
        let token = random_hex(PRIVATE_TOKEN_BYTES)?;
        Ok(PrivateToken {
            token_hash: sha256_hex(&token).await?,
            token,
        })
    }

    /// The digest of a token as it arrives in an address. Anything not shaped like one is
    /// not found, as an unknown one is, and costs no digest.
    pub async fn digest_of(token: &str) -> Result<String, ApiError> {
        if token.len() != PRIVATE_TOKEN_BYTES * 2 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ApiError::Problem(
                relais_domain::problem::ProblemKind::NotFound,
                vec![],
            ));
        }
        sha256_hex(token).await
    }
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

/// The AES-GCM nonce's length: 96 bits, random for each sealing.
const NONCE_BYTES: usize = 12;

/// An AES-256-GCM key derived from `secret` by HKDF-SHA256, for `purpose` (HKDF's `info`:
/// one secret gives unrelated keys for unrelated purposes). The secret is a client's random
/// key, not a password: HKDF, not a slow derivation.
async fn sealing_key(secret: &str, purpose: &str) -> Result<web_sys::CryptoKey, ApiError> {
    let failed = |e: wasm_bindgen::JsValue| ApiError::Internal(format!("hkdf: {e:?}"));
    let subtle = crypto()?.subtle();
    let base: web_sys::CryptoKey = JsFuture::from(
        subtle
            .import_key_with_str(
                "raw",
                &js_sys::Uint8Array::from(secret.as_bytes()),
                "HKDF",
                false,
                &js_sys::Array::of1(&"deriveBits".into()),
            )
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?
    .unchecked_into();
    let params = web_sys::HkdfParams::new(
        "HKDF",
        &"SHA-256".into(),
        &js_sys::Uint8Array::from(purpose.as_bytes()),
        &js_sys::Uint8Array::new_with_length(0),
    );
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, &base, 256)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    Ok(JsFuture::from(
        subtle
            .import_key_with_str(
                "raw",
                &js_sys::Uint8Array::new(&bits),
                "AES-GCM",
                false,
                &js_sys::Array::of2(&"encrypt".into(), &"decrypt".into()),
            )
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?
    .unchecked_into())
}

fn gcm(nonce: &[u8], bound_to: &[u8]) -> web_sys::AesGcmParams {
    let params = web_sys::AesGcmParams::new("AES-GCM", &js_sys::Uint8Array::from(nonce));
    params.set_additional_data(&js_sys::Uint8Array::from(bound_to));
    params
}

/// `plain` sealed with AES-256-GCM under a key derived from `secret` for `purpose`, bound to
/// `bound_to` (authenticated, not stored): hex of the nonce, then the ciphertext and its tag.
/// Only `open` with the same three gives it back.
pub async fn seal(
    secret: &str,
    purpose: &str,
    bound_to: &str,
    plain: &str,
) -> Result<String, ApiError> {
    let failed = |e: wasm_bindgen::JsValue| ApiError::Internal(format!("seal: {e:?}"));
    let key = sealing_key(secret, purpose).await?;
    let nonce = random_bytes(NONCE_BYTES)?;
    let sealed = JsFuture::from(
        crypto()?
            .subtle()
            .encrypt_with_object_and_u8_array(
                &gcm(&nonce, bound_to.as_bytes()),
                &key,
                plain.as_bytes(),
            )
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    Ok(hex(
        &[nonce, js_sys::Uint8Array::new(&sealed).to_vec()].concat()
    ))
}

/// What `seal` sealed, given the same secret, purpose and binding; an error for anything
/// else (another secret, a changed byte).
pub async fn open(
    secret: &str,
    purpose: &str,
    bound_to: &str,
    sealed: &str,
) -> Result<String, ApiError> {
    let failed = |e: wasm_bindgen::JsValue| ApiError::Internal(format!("open: {e:?}"));
    let bytes = unhex(sealed).ok_or_else(|| ApiError::Internal("sealed: not hex".into()))?;
    if bytes.len() <= NONCE_BYTES {
        return Err(ApiError::Internal("sealed: too short".into()));
    }
    let (nonce, ciphertext) = bytes.split_at(NONCE_BYTES);
    let key = sealing_key(secret, purpose).await?;
    let plain = JsFuture::from(
        crypto()?
            .subtle()
            .decrypt_with_object_and_u8_array(&gcm(nonce, bound_to.as_bytes()), &key, ciphertext)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    String::from_utf8(js_sys::Uint8Array::new(&plain).to_vec())
        .map_err(|_| ApiError::Internal("open: not UTF-8".into()))
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_reads_back_what_it_wrote() {
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(unhex(&hex(&bytes)), Some(bytes));
        for bad in ["0", "zz", "0g", "é0"] {
            assert_eq!(unhex(bad), None, "{bad}");
        }
    }
}
