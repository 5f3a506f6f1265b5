//! Feature hashing: strings and feature tuples to 64-bit keys.
//!
//! The functions are written out here rather than taken from `std` so that a model file
//! means the same thing on every platform and with every Rust release: a feature's key is
//! part of the file format.

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// The hash of a string's bytes.
#[inline]
pub fn str_hash(s: &str) -> u64 {
    bytes_hash(s.as_bytes())
}

/// The hash of some bytes (FNV-1a over 64 bits, then [`finish`]).
#[inline]
pub fn bytes_hash(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    finish(h)
}

/// One more value folded into a running hash.
#[inline(always)]
pub fn add(h: u64, v: u64) -> u64 {
    (h.rotate_left(23) ^ v).wrapping_mul(K)
}

/// The final mix (MurmurHash3's), spreading every input bit over the whole key so that
/// both the table slot (low bits) and the fingerprint (high bits) depend on all of it.
#[inline(always)]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The key of a feature: template number `t` and its values.
#[inline(always)]
pub fn feat(t: u32, vals: &[u64]) -> u64 {
    let mut h = u64::from(t).wrapping_add(1).wrapping_mul(K);
    for &v in vals {
        h = add(h, v);
    }
    finish(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_values() {
        // the file format depends on these: they must never change
        assert_eq!(str_hash(""), finish(0xcbf2_9ce4_8422_2325));
        assert_ne!(str_hash("said"), str_hash("says"));
        assert_ne!(feat(1, &[2, 3]), feat(1, &[3, 2]));
        assert_ne!(feat(1, &[2]), feat(2, &[2]));
        assert_eq!(feat(7, &[1, 2]), feat(7, &[1, 2]));
    }
}
