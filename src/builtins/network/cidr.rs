//! CIDR blocks and port ranges: parsing IPv4 and IPv6 prefixes, whether one is the whole
//! internet or public address space, and whether a port range covers a port.

#[allow(unused_imports)]
use super::*;

/// Whether `s` (a CIDR like `0.0.0.0/0`, or a bare address) is the whole internet: prefix
/// length 0. `None` when it is not a CIDR or IP address.
pub fn cidr_is_internet(s: &str) -> Option<bool> {
    parse_cidr(s).map(|net| net.len() == 0)
}

/// Whether `s` (a CIDR or bare address) reaches public address space: it is not entirely
/// inside private or reserved space (RFC 1918, `100.64.0.0/10`, `127.0.0.0/8`,
/// `169.254.0.0/16`, `fc00::/7`, `fe80::/10`, `::1`). `None` when it is not a CIDR or IP address.
pub fn cidr_is_public(s: &str) -> Option<bool> {
    parse_cidr(s).map(|net| net.is_public())
}

/// Whether the inclusive port range `from`..=`to` contains `port`.
pub fn port_range_covers(from: i64, to: i64, port: i64) -> bool {
    from <= port && port <= to
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Net {
    V4 { addr: u32, len: u8 },
    V6 { addr: u128, len: u8 },
}

pub(super) fn mask4(len: u8) -> u32 {
    if len == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(len.min(32)))
    }
}

pub(super) fn mask6(len: u8) -> u128 {
    if len == 0 {
        0
    } else {
        u128::MAX << (128 - u32::from(len.min(128)))
    }
}

pub(super) fn parse_cidr(s: &str) -> Option<Net> {
    let s = s.trim();
    let (addr, len) = match s.split_once('/') {
        Some((a, l)) => (a.trim(), Some(l.trim())),
        None => (s, None),
    };
    let prefix = |max: u8| -> Option<u8> {
        match len {
            None => Some(max),
            Some(l) if !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()) => {
                l.parse::<u8>().ok().filter(|&n| n <= max)
            }
            Some(_) => None,
        }
    };
    if let Ok(v4) = addr.parse::<Ipv4Addr>() {
        let len = prefix(32)?;
        return Some(Net::V4 {
            addr: u32::from(v4) & mask4(len),
            len,
        });
    }
    if let Ok(v6) = addr.parse::<Ipv6Addr>() {
        let len = prefix(128)?;
        return Some(Net::V6 {
            addr: u128::from(v6) & mask6(len),
            len,
        });
    }
    None
}

impl Net {
    pub(super) fn len(self) -> u8 {
        match self {
            Net::V4 { len, .. } | Net::V6 { len, .. } => len,
        }
    }

    /// Whether every address of `inner` is in `self`.
    pub(super) fn contains(self, inner: Net) -> bool {
        match (self, inner) {
            (Net::V4 { addr: a, len: l }, Net::V4 { addr: b, len: m }) => {
                l <= m && b & mask4(l) == a
            }
            (Net::V6 { addr: a, len: l }, Net::V6 { addr: b, len: m }) => {
                l <= m && b & mask6(l) == a
            }
            _ => false,
        }
    }

    /// An IPv4-mapped IPv6 range (`::ffff:10.0.0.0/104`) as the IPv4 range it maps.
    pub(super) fn unmapped(self) -> Net {
        match self {
            Net::V6 { addr, len } if len >= 96 && addr >> 32 == 0xffff => Net::V4 {
                // The low 32 bits: truncation intended.
                addr: (addr & u128::from(u32::MAX)) as u32,
                len: len - 96,
            },
            other => other,
        }
    }

    pub(super) fn is_public(self) -> bool {
        const RESERVED_V4: &[(u32, u8)] = &[
            (0x0a00_0000, 8),  // 10.0.0.0/8
            (0xac10_0000, 12), // 172.16.0.0/12
            (0xc0a8_0000, 16), // 192.168.0.0/16
            (0x6440_0000, 10), // 100.64.0.0/10
            (0x7f00_0000, 8),  // 127.0.0.0/8
            (0xa9fe_0000, 16), // 169.254.0.0/16
        ];
        const RESERVED_V6: &[(u128, u8)] = &[
            (0xfc00 << 112, 7),  // fc00::/7
            (0xfe80 << 112, 10), // fe80::/10
            (1, 128),            // ::1
        ];
        let net = self.unmapped();
        let reserved = RESERVED_V4
            .iter()
            .map(|&(addr, len)| Net::V4 { addr, len })
            .chain(RESERVED_V6.iter().map(|&(addr, len)| Net::V6 { addr, len }));
        !reserved.into_iter().any(|r| r.contains(net))
    }
}
