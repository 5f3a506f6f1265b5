//! Where linking reads its claims from: a slice of claims in memory, or any store that
//! gives a claim by its number ([`ClaimSource`]), so that a corpus whose claims do not all
//! fit in memory as [`Claim`] values can still be linked.

use crate::claims::Claim;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Deref;

/// Claims numbered from 0, each given on request: borrowed from memory, or made (decoded,
/// generated) when asked for. [`super::link`] and [`super::candidates`] read every claim
/// once in a first pass and then only the claims of pairs on the way to a relation, so a
/// store that makes its claims on request holds none of them for long.
///
/// A source must give the same claim for a number every time it is asked.
pub trait ClaimSource: Sync {
    /// How many claims there are.
    fn len(&self) -> usize;

    /// Claim `i`, for `i < self.len()`.
    fn claim(&self, i: usize) -> Cow<'_, Claim>;

    /// Whether there are no claims.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl ClaimSource for [Claim] {
    fn len(&self) -> usize {
        <[Claim]>::len(self)
    }

    fn claim(&self, i: usize) -> Cow<'_, Claim> {
        Cow::Borrowed(&self[i])
    }
}

impl ClaimSource for Vec<Claim> {
    fn len(&self) -> usize {
        Vec::len(self)
    }

    fn claim(&self, i: usize) -> Cow<'_, Claim> {
        Cow::Borrowed(&self[i])
    }
}

/// A claim read from its source the first time it is used: deciding a pair reads the
/// claims themselves only on the way to a relation, and most pairs come to none.
/// `'m` is the lifetime of what makes the claim, `'c` that of the claim.
pub(crate) struct LazyClaim<'m, 'c> {
    cell: OnceCell<Cow<'c, Claim>>,
    make: Option<&'m (dyn Fn() -> Cow<'c, Claim> + 'm)>,
}

impl<'m, 'c> LazyClaim<'m, 'c> {
    /// A claim at hand.
    pub(crate) fn ready(c: &'c Claim) -> LazyClaim<'m, 'c> {
        LazyClaim {
            cell: OnceCell::from(Cow::Borrowed(c)),
            make: None,
        }
    }

    /// A claim that `make` gives when it is first used.
    pub(crate) fn later(make: &'m (dyn Fn() -> Cow<'c, Claim> + 'm)) -> LazyClaim<'m, 'c> {
        LazyClaim {
            cell: OnceCell::new(),
            make: Some(make),
        }
    }
}

impl Deref for LazyClaim<'_, '_> {
    type Target = Claim;

    fn deref(&self) -> &Claim {
        self.cell.get_or_init(|| match self.make {
            Some(make) => make(),
            None => unreachable!("a ready claim is made with its value"),
        })
    }
}
