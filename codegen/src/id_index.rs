//! The table that finds a model by its id in one probe, however many models there are: the
//! id's length and its bytes at a few positions make a key no other id has; the key times a
//! multiplier, its top bits, indexes a table of model numbers. The run-time side is
//! `Model::from_id` in the crate's `src/model.rs`; both compute the key as [`key`] does.

/// The positions, multiplier and table [`build`] found.
pub struct IdIndex {
    /// The byte positions whose bytes, with the length, tell every id apart.
    pub positions: Vec<usize>,
    /// The odd multiplier that sends every id's key to a slot of its own.
    pub multiplier: u64,
    /// The table has `1 << bits` slots.
    pub bits: u32,
    /// Each slot: the model's index in `Model::ALL`, plus one; 0 where no id lands.
    pub table: Vec<u16>,
}

/// The most positions a key holds (with the length, one byte each, in 64 bits).
const MAX_POSITIONS: usize = 7;

/// The id's length, then its bytes at `positions` (0 past its end), a byte each.
pub fn key(id: &[u8], positions: &[usize]) -> u64 {
    let byte = |p: usize| u64::from(id.get(p).copied().unwrap_or(0));
    let bytes = positions.iter().enumerate();
    bytes.fold(id.len() as u64, |key, (i, &p)| {
        key ^ byte(p) << (8 * (i + 1))
    })
}

/// The slot `key` lands in, for `multiplier` and a table of `1 << bits` slots.
pub fn slot(key: u64, multiplier: u64, bits: u32) -> usize {
    (key.wrapping_mul(multiplier) >> (64 - bits)) as usize
}

/// The index for `ids` (distinct, each under 256 bytes, fewer than 65 535 of them), or why
/// there is none.
pub fn build(ids: &[&str]) -> Result<IdIndex, String> {
    let positions = positions(ids)?;
    let keys: Vec<u64> = ids
        .iter()
        .map(|id| key(id.as_bytes(), &positions))
        .collect();
    // The smallest table with room to spare (at least twice the ids), then larger ones.
    let least = (2 * ids.len()).next_power_of_two().trailing_zeros().max(1);
    for bits in least..=16 {
        // Odd multipliers from a fixed sequence (SplitMix64), so the build is deterministic.
        let mut state = 0u64;
        for _ in 0..20_000 {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            let multiplier = (z ^ (z >> 31)) | 1;
            let mut table = vec![0u16; 1 << bits];
            let placed = keys.iter().enumerate().all(|(i, &k)| {
                let at = &mut table[slot(k, multiplier, bits)];
                let free = *at == 0;
                *at = u16::try_from(i + 1).unwrap_or(u16::MAX);
                free
            });
            if placed {
                return Ok(IdIndex {
                    positions,
                    multiplier,
                    bits,
                    table,
                });
            }
        }
    }
    Err("no multiplier sends every model id to a slot of its own in a table of 2^16".to_owned())
}

/// The fewest positions, chosen one at a time (each the one that tells the most ids apart),
/// whose bytes with the length tell every id apart.
fn positions(ids: &[&str]) -> Result<Vec<usize>, String> {
    let longest = ids.iter().map(|id| id.len()).max().unwrap_or(0);
    let distinct = |positions: &[usize]| {
        let mut keys: Vec<u64> = ids.iter().map(|id| key(id.as_bytes(), positions)).collect();
        keys.sort_unstable();
        keys.dedup();
        keys.len()
    };
    let mut positions = Vec::new();
    while distinct(&positions) < ids.len() {
        if positions.len() == MAX_POSITIONS || longest > 255 {
            return Err(format!(
                "the model ids are not told apart by their length and {MAX_POSITIONS} of their bytes (or one is over 255 bytes)"
            ));
        }
        let best = (0..longest)
            .max_by_key(|&p| {
                let mut with = positions.clone();
                with.push(p);
                // The most ids told apart; of those, the earliest position.
                (distinct(&with), std::cmp::Reverse(p))
            })
            .unwrap_or(0);
        positions.push(best);
    }
    Ok(positions)
}
