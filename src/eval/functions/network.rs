//! IP network functions: `cidrhost`, `cidrnetmask`, `cidrsubnet`, `cidrsubnets`, for IPv4 and
//! IPv6. Addresses are held as u128 with their width in bits (32 or 128).

use super::{deep, to_num, Call, Entry, R};
use crate::value::{format_number, Value};
use std::net::{Ipv4Addr, Ipv6Addr};

pub(crate) const FUNCTIONS: &[Entry] = &[
    deep("cidrhost", cidrhost),
    deep("cidrnetmask", cidrnetmask),
    deep("cidrsubnet", cidrsubnet),
    deep("cidrsubnets", cidrsubnets),
];

/// A network: its first address, the address width and the prefix length.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Net {
    addr: u128,
    bits: u32,
    prefix: u32,
}

/// The low `n` bits set (n ≤ 128).
fn low_bits(n: u32) -> u128 {
    if n >= 128 {
        u128::MAX
    } else {
        (1u128 << n) - 1
    }
}

impl Net {
    fn host_bits(&self) -> u32 {
        self.bits - self.prefix
    }

    fn last(&self) -> u128 {
        self.addr | low_bits(self.host_bits())
    }
}

/// IPv4 dotted decimal; leading zeros are read as decimal, as Terraform does.
fn parse_ipv4(s: &str) -> Option<u32> {
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() != 4 {
        return None;
    }
    let mut out = 0u32;
    for p in parts {
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let v: u32 = p.parse().ok()?;
        if v > 255 {
            return None;
        }
        out = (out << 8) | v;
    }
    Some(out)
}

fn parse_cidr(s: &str) -> Result<Net, String> {
    let invalid = || format!("invalid CIDR address {s:?}");
    let (ip, len) = s.split_once('/').ok_or_else(invalid)?;
    if len.is_empty() || len.len() > 3 || !len.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    let prefix: u32 = len.parse().map_err(|_| invalid())?;
    let (addr, bits) = if ip.contains(':') {
        let a: Ipv6Addr = ip.parse().map_err(|_| invalid())?;
        (u128::from(a), 128)
    } else {
        (parse_ipv4(ip).ok_or_else(invalid)? as u128, 32)
    };
    if prefix > bits {
        return Err(invalid());
    }
    let host = bits - prefix;
    Ok(Net {
        addr: addr & !low_bits(host) & low_bits(bits),
        bits,
        prefix,
    })
}

fn format_addr(addr: u128, bits: u32) -> String {
    if bits == 32 {
        Ipv4Addr::from(addr as u32).to_string()
    } else {
        Ipv6Addr::from(addr).to_string()
    }
}

/// A whole number argument as f64, with the argument number in errors.
fn whole(c: &Call, i: usize, what: &str) -> Result<f64, String> {
    let n = to_num(c.arg(i)).map_err(|e| format!("{what}: {e}"))?;
    if n.fract() != 0.0 {
        return Err(format!(
            "{what} must be a whole number, not {}",
            format_number(n)
        ));
    }
    Ok(n)
}

/// `n` as u128 when it fits (n ≥ 0, whole).
fn to_u128(n: f64) -> Option<u128> {
    (0.0..3.4e38).contains(&n).then_some(n as u128)
}

fn cidrhost(c: &Call) -> R {
    c.arity(2, 2)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let net = parse_cidr(&c.str(0)?)?;
    let hostnum = whole(c, 1, "hostnum")?;
    let hb = net.host_bits();
    let max = low_bits(hb);
    let refuse = || {
        format!(
            "prefix of {} does not accommodate a host numbered {}",
            net.prefix,
            format_number(hostnum)
        )
    };
    let host = if hostnum < 0.0 {
        // Counted from the end: -1 is the last address.
        let k = to_u128(-hostnum).ok_or_else(refuse)?;
        if k - 1 > max {
            return Err(refuse());
        }
        max - (k - 1)
    } else {
        let h = to_u128(hostnum).ok_or_else(refuse)?;
        if h > max {
            return Err(refuse());
        }
        h
    };
    Ok(Value::string(format_addr(net.addr | host, net.bits)))
}

fn cidrnetmask(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let net = parse_cidr(&c.str(0)?)?;
    if net.bits != 32 {
        return Err("only IPv4 networks have a netmask".to_string());
    }
    let mask = !low_bits(net.host_bits()) & low_bits(32);
    Ok(Value::string(format_addr(mask, 32)))
}

/// The new prefix length for `newbits` more bits.
fn extend(net: &Net, newbits: f64) -> Result<u32, String> {
    if newbits < 0.0 {
        return Err("newbits must not be negative".to_string());
    }
    let new = net.prefix as f64 + newbits;
    if new > net.bits as f64 {
        return Err(format!(
            "insufficient address space to extend prefix of {} by {}",
            net.prefix,
            format_number(newbits)
        ));
    }
    Ok(new as u32)
}

fn cidrsubnet(c: &Call) -> R {
    c.arity(3, 3)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let net = parse_cidr(&c.str(0)?)?;
    let newbits = whole(c, 1, "newbits")?;
    let netnum = whole(c, 2, "netnum")?;
    let new_prefix = extend(&net, newbits)?;
    let added = new_prefix - net.prefix;
    let refuse = || {
        format!(
            "prefix extension of {added} does not accommodate a subnet numbered {}",
            format_number(netnum)
        )
    };
    let num = to_u128(netnum).ok_or_else(refuse)?;
    if num > low_bits(added) {
        return Err(refuse());
    }
    let shift = net.bits - new_prefix;
    let addr = net.addr | num.checked_shl(shift).unwrap_or(0);
    Ok(Value::string(format!(
        "{}/{new_prefix}",
        format_addr(addr, net.bits)
    )))
}

fn cidrsubnets(c: &Call) -> R {
    c.arity(1, None)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let net = parse_cidr(&c.str(0)?)?;
    let end = net.last();
    let mut next: Option<u128> = Some(net.addr);
    let mut prev = String::new();
    let mut out = Vec::new();
    for i in 1..c.args.len() {
        let newbits = whole(c, i, "newbits")?;
        if newbits < 1.0 {
            return Err(format!("argument {}: newbits must be at least 1", i + 1));
        }
        let new_prefix = extend(&net, newbits)?;
        let size_mask = low_bits(net.bits - new_prefix);
        let no_room = || {
            format!("not enough remaining address space for a subnet with a prefix of {new_prefix} bits after {prev}")
        };
        let cur = next.ok_or_else(no_room)?;
        let start = cur.checked_add(size_mask).ok_or_else(no_room)? & !size_mask;
        let last = start | size_mask;
        if start < net.addr || last > end {
            return Err(no_room());
        }
        prev = format!("{}/{new_prefix}", format_addr(start, net.bits));
        out.push(Value::string(prev.clone()));
        next = last.checked_add(1);
    }
    Ok(Value::list(out))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn hosts() {
        assert_eq!(
            ok("cidrhost", vec![s("10.12.112.0/20"), n(16.0)]),
            s("10.12.112.16")
        );
        assert_eq!(
            ok("cidrhost", vec![s("10.12.112.0/20"), n(268.0)]),
            s("10.12.113.12")
        );
        assert_eq!(
            ok(
                "cidrhost",
                vec![s("fd00:fd12:3456:7890:00a2::/72"), n(34.0)]
            ),
            s("fd00:fd12:3456:7890::22")
        );
        assert_eq!(ok("cidrhost", vec![s("10.0.0.0/8"), n(2.0)]), s("10.0.0.2"));
        assert_eq!(
            ok("cidrhost", vec![s("10.0.0.0/8"), n(-2.0)]),
            s("10.255.255.254")
        );
        assert_eq!(
            ok("cidrhost", vec![s("10.0.0.0/30"), n(-4.0)]),
            s("10.0.0.0")
        );
        assert_eq!(
            ok("cidrhost", vec![s("fd00::/64"), n(-1.0)]),
            s("fd00::ffff:ffff:ffff:ffff")
        );
        assert_eq!(
            ok("cidrhost", vec![s("010.001.0.0/16"), n(1.0)]),
            s("10.1.0.1")
        );
        err("cidrhost", vec![s("10.0.0.0/30"), n(4.0)]);
        err("cidrhost", vec![s("10.0.0.0/30"), n(-5.0)]);
        err("cidrhost", vec![s("10.0.0.0/30"), n(1.5)]);
        err("cidrhost", vec![s("10.0.0.0"), n(1.0)]);
        err("cidrhost", vec![s("10.0.0.0/33"), n(1.0)]);
        err("cidrhost", vec![s("300.0.0.0/8"), n(1.0)]);
        assert_eq!(
            ok("cidrhost", vec![s("::/0"), n(-1.0)]),
            s("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
        );
    }

    #[test]
    fn netmasks() {
        assert_eq!(
            ok("cidrnetmask", vec![s("172.16.0.0/12")]),
            s("255.240.0.0")
        );
        assert_eq!(ok("cidrnetmask", vec![s("0.0.0.0/0")]), s("0.0.0.0"));
        assert_eq!(
            ok("cidrnetmask", vec![s("10.0.0.1/32")]),
            s("255.255.255.255")
        );
        err("cidrnetmask", vec![s("fd00::/64")]);
    }

    #[test]
    fn subnets() {
        assert_eq!(
            ok("cidrsubnet", vec![s("172.16.0.0/12"), n(4.0), n(2.0)]),
            s("172.18.0.0/16")
        );
        assert_eq!(
            ok("cidrsubnet", vec![s("10.1.2.0/24"), n(4.0), n(15.0)]),
            s("10.1.2.240/28")
        );
        assert_eq!(
            ok(
                "cidrsubnet",
                vec![s("fd00:fd12:3456:7890::/56"), n(16.0), n(162.0)]
            ),
            s("fd00:fd12:3456:7800:a200::/72")
        );
        // A host address in the prefix is masked to the network.
        assert_eq!(
            ok("cidrsubnet", vec![s("10.1.2.3/16"), n(8.0), n(5.0)]),
            s("10.1.5.0/24")
        );
        assert_eq!(
            ok("cidrsubnet", vec![s("10.0.0.0/8"), n(0.0), n(0.0)]),
            s("10.0.0.0/8")
        );
        err("cidrsubnet", vec![s("10.0.0.0/8"), n(4.0), n(16.0)]);
        err("cidrsubnet", vec![s("10.0.0.0/30"), n(4.0), n(0.0)]);
        err("cidrsubnet", vec![s("10.0.0.0/8"), n(4.0), n(-1.0)]);
        assert_eq!(
            ok(
                "cidrsubnets",
                vec![s("10.1.0.0/16"), n(4.0), n(4.0), n(8.0), n(4.0)]
            ),
            sl(&[
                "10.1.0.0/20",
                "10.1.16.0/20",
                "10.1.32.0/24",
                "10.1.48.0/20"
            ])
        );
        assert_eq!(
            ok(
                "cidrsubnets",
                vec![
                    s("fd00:fd12:3456:7890::/56"),
                    n(16.0),
                    n(16.0),
                    n(16.0),
                    n(32.0)
                ]
            ),
            sl(&[
                "fd00:fd12:3456:7800::/72",
                "fd00:fd12:3456:7800:100::/72",
                "fd00:fd12:3456:7800:200::/72",
                "fd00:fd12:3456:7800:300::/88",
            ])
        );
        err(
            "cidrsubnets",
            vec![s("10.0.0.0/30"), n(1.0), n(1.0), n(1.0)],
        );
        assert_eq!(ok("cidrsubnets", vec![s("10.0.0.0/8")]), l(vec![]));
        assert!(is_unknown_set(&ok(
            "cidrsubnet",
            vec![unk(), n(4.0), n(1.0)]
        )));
    }
}
