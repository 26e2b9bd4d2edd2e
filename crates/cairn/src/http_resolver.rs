//! HTTPS retrieval for `--online` verification: time-outs, a size limit, https only, and
//! no connection to private, loopback or link-local addresses (checked at DNS resolution,
//! so a redirect or a rebinding name cannot reach them either).

use std::io::Read as _;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs as _};
use std::time::Duration;

use cairn_vc::resolve::{ResolveError, Resolver};
use serde_json::Value;

/// The most a retrieved document may hold.
const MAX_BYTES: u64 = 2 * 1024 * 1024;

/// Retrieves documents over HTTPS with the limits above.
pub struct HttpResolver {
    agent: ureq::Agent,
    allow_private: bool,
}

impl HttpResolver {
    /// `allow_private` lets tests reach a server on loopback (plain http too).
    pub fn new(allow_private: bool) -> Self {
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(Duration::from_secs(5))
            .timeout(Duration::from_secs(10))
            .redirects(3)
            .user_agent(concat!("cairn/", env!("CARGO_PKG_VERSION")))
            .resolver(move |addr: &str| -> std::io::Result<Vec<SocketAddr>> {
                let addrs: Vec<SocketAddr> = addr.to_socket_addrs()?.collect();
                let allowed: Vec<SocketAddr> =
                    addrs.into_iter().filter(|a| allow_private || is_public(a.ip())).collect();
                if allowed.is_empty() {
                    return Err(std::io::Error::other(format!("{addr} resolves only to private addresses")));
                }
                Ok(allowed)
            })
            .build();
        Self { agent, allow_private }
    }

    /// The raw bytes at `url`.
    pub fn fetch_bytes(&self, url: &str) -> Result<Vec<u8>, ResolveError> {
        let fail = |message: String| ResolveError::Failed { url: url.to_string(), message };
        let allowed = url.starts_with("https://") || (self.allow_private && url.starts_with("http://"));
        if !allowed {
            return Err(fail("only https URLs are retrieved".into()));
        }
        let response = match self
            .agent
            .get(url)
            .set("Accept", "application/vc+ld+json, application/ld+json, application/json, image/png, image/svg+xml;q=0.9, */*;q=0.1")
            .call()
        {
            Ok(r) => r,
            Err(ureq::Error::Status(404 | 410, _)) => return Err(ResolveError::NotFound(url.to_string())),
            Err(ureq::Error::Status(code, _)) => return Err(fail(format!("HTTP status {code}"))),
            Err(e) => return Err(fail(e.to_string())),
        };
        let final_url = response.get_url().to_string();
        if !final_url.starts_with("https://") && !self.allow_private {
            return Err(fail("redirected away from https".into()));
        }
        let mut bytes = Vec::new();
        response.into_reader().take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(|e| fail(e.to_string()))?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(fail(format!("document is larger than {MAX_BYTES} bytes")));
        }
        Ok(bytes)
    }
}

impl Resolver for HttpResolver {
    fn fetch_json(&self, url: &str) -> Result<Value, ResolveError> {
        let bytes = self.fetch_bytes(url)?;
        serde_json::from_slice(&bytes)
            .map_err(|e| ResolveError::Failed { url: url.to_string(), message: format!("not JSON: {e}") })
    }
}

/// Whether an address is reachable on the public internet (not loopback, private,
/// link-local, unique-local, unspecified, multicast or documentation ranges).
fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || o[0] == 0
                || (o[0] == 100 && (64..128).contains(&o[1])))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let seg = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (seg[0] & 0xfe00) == 0xfc00
                || (seg[0] & 0xffc0) == 0xfe80)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.1",
            "172.16.5.4",
            "169.254.1.1",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        assert!(is_public("93.184.216.34".parse().unwrap()));
    }

    #[test]
    fn loopback_is_refused_without_permission() {
        let err = HttpResolver::new(false).fetch_bytes("https://127.0.0.1:9/x").unwrap_err();
        assert!(err.to_string().contains("private"), "{err}");
        let err = HttpResolver::new(false).fetch_bytes("http://example.org/x").unwrap_err();
        assert!(err.to_string().contains("only https"), "{err}");
    }
}
