//! A one-hidden-layer perceptron with sparse inputs, ReLU, dropout and a softmax over
//! the four stances, trained with Adam on mini-batches, on one thread, in a fixed order.

/// Number of output classes.
pub const CLASSES: usize = 4;

/// The network's weights.
#[derive(Clone, Debug, PartialEq)]
pub struct Net {
    /// Number of inputs.
    pub inputs: usize,
    /// Number of hidden units.
    pub hidden: usize,
    /// Input-to-hidden weights, one row of `hidden` per input.
    pub w1: Vec<f32>,
    /// Hidden biases.
    pub b1: Vec<f32>,
    /// Hidden-to-output weights, one row of [`CLASSES`] per hidden unit.
    pub w2: Vec<f32>,
    /// Output biases.
    pub b2: [f32; CLASSES],
}

/// Settings of training.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// Passes over the data.
    pub epochs: usize,
    /// Examples per update.
    pub batch: usize,
    /// Adam's step size.
    pub learning_rate: f32,
    /// Probability of keeping a hidden unit during training.
    pub keep: f32,
    /// L2 penalty on the weights.
    pub l2: f32,
    /// Largest global norm of the gradient.
    pub clip: f32,
    /// Weight of each class in the loss.
    pub class_weights: [f32; CLASSES],
    /// Seed of initialisation, shuffling and dropout.
    pub seed: u64,
}

/// Small deterministic generator (xorshift64*).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }

    /// Shuffles `v` in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Softmax of logits, in place.
pub fn softmax(z: &mut [f32; CLASSES]) {
    let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut s = 0.0;
    for v in z.iter_mut() {
        *v = (*v - m).exp();
        s += *v;
    }
    for v in z.iter_mut() {
        *v /= s;
    }
}

impl Net {
    /// A network with Glorot-uniform weights and zero biases.
    pub fn new(inputs: usize, hidden: usize, rng: &mut Rng) -> Net {
        let mut init = |n: usize, fan_in: usize, fan_out: usize| -> Vec<f32> {
            let limit = (6.0 / (fan_in + fan_out) as f32).sqrt();
            (0..n).map(|_| (rng.unit() * 2.0 - 1.0) * limit).collect()
        };
        Net {
            inputs,
            hidden,
            w1: init(inputs * hidden, inputs, hidden),
            b1: vec![0.0; hidden],
            w2: init(hidden * CLASSES, hidden, CLASSES),
            b2: [0.0; CLASSES],
        }
    }

    /// Adds the first layer's contribution of sparse inputs to `z`.
    pub fn accumulate(&self, x: &[(u32, f32)], z: &mut [f32]) {
        let h = self.hidden;
        for &(i, v) in x {
            let row = &self.w1[i as usize * h..(i as usize + 1) * h];
            for (zj, wj) in z.iter_mut().zip(row) {
                *zj += v * wj;
            }
        }
    }

    /// Class probabilities from the first layer's pre-activations (biases not included).
    pub fn output(&self, z: &[f32]) -> [f32; CLASSES] {
        let mut o = self.b2;
        for (j, &zj) in z.iter().enumerate() {
            let a = (zj + self.b1[j]).max(0.0);
            if a > 0.0 {
                for (c, oc) in o.iter_mut().enumerate() {
                    *oc += a * self.w2[j * CLASSES + c];
                }
            }
        }
        softmax(&mut o);
        o
    }

    /// Class probabilities of sparse inputs.
    #[cfg(test)]
    pub fn predict(&self, x: &[(u32, f32)]) -> [f32; CLASSES] {
        let mut z = vec![0.0; self.hidden];
        self.accumulate(x, &mut z);
        self.output(&z)
    }
}

/// Adam's moments of one parameter vector.
struct Moments {
    m: Vec<f32>,
    v: Vec<f32>,
}

impl Moments {
    fn new(n: usize) -> Moments {
        Moments {
            m: vec![0.0; n],
            v: vec![0.0; n],
        }
    }

    fn step(&mut self, w: &mut [f32], g: &[f32], rate: f32, l2: f32, scale: f32) {
        const B1: f32 = 0.9;
        const B2: f32 = 0.999;
        const EPS: f32 = 1e-8;
        for (((w, g), m), v) in w
            .iter_mut()
            .zip(g)
            .zip(self.m.iter_mut())
            .zip(self.v.iter_mut())
        {
            let g = (g + l2 * *w) * scale;
            *m = B1 * *m + (1.0 - B1) * g;
            *v = B2 * *v + (1.0 - B2) * g * g;
            *w -= rate * *m / (v.sqrt() + EPS);
        }
    }
}

/// Trains a network on `n` examples. `example(i, x)` fills `x` with example `i`'s sparse
/// inputs (indices below `inputs`) and returns its class. `progress` hears one line per
/// pass.
pub fn train(
    inputs: usize,
    hidden: usize,
    n: usize,
    settings: &Settings,
    mut example: impl FnMut(usize, &mut Vec<(u32, f32)>) -> usize,
    mut progress: impl FnMut(&str),
) -> Net {
    let mut rng = Rng::new(settings.seed);
    let mut net = Net::new(inputs, hidden, &mut rng);
    let mut order: Vec<usize> = (0..n).collect();
    let (mut g1, mut gb1, mut g2) = (
        vec![0f32; net.w1.len()],
        vec![0f32; hidden],
        vec![0f32; net.w2.len()],
    );
    let (mut m1, mut mb1, mut m2, mut mb2) = (
        Moments::new(net.w1.len()),
        Moments::new(hidden),
        Moments::new(net.w2.len()),
        Moments::new(CLASSES),
    );
    let mut x = Vec::new();
    let mut z = vec![0f32; hidden];
    let mut a = vec![0f32; hidden];
    let mut dz = vec![0f32; hidden];
    let mut touched: Vec<u32> = Vec::new();
    let mut is_touched = vec![false; inputs];
    let mut t = 0i32;
    for epoch in 0..settings.epochs {
        rng.shuffle(&mut order);
        let mut loss = 0f64;
        let mut wrong = 0usize;
        for batch in order.chunks(settings.batch.max(1)) {
            for &i in &touched {
                g1[i as usize * hidden..(i as usize + 1) * hidden].fill(0.0);
                is_touched[i as usize] = false;
            }
            touched.clear();
            gb1.fill(0.0);
            g2.fill(0.0);
            let mut gb2 = [0f32; CLASSES];
            let inv = 1.0 / batch.len() as f32;
            for &e in batch {
                x.clear();
                let y = example(e, &mut x);
                z.copy_from_slice(&net.b1);
                net.accumulate(&x, &mut z);
                let mut o = net.b2;
                for j in 0..hidden {
                    let keep = rng.unit() < settings.keep;
                    a[j] = if keep && z[j] > 0.0 {
                        z[j] / settings.keep
                    } else {
                        0.0
                    };
                    if a[j] > 0.0 {
                        for (c, oc) in o.iter_mut().enumerate() {
                            *oc += a[j] * net.w2[j * CLASSES + c];
                        }
                    }
                }
                softmax(&mut o);
                let best = (0..CLASSES)
                    .max_by(|&p, &q| o[p].total_cmp(&o[q]).then(q.cmp(&p)))
                    .unwrap_or(0);
                wrong += usize::from(best != y);
                loss -= f64::from(o[y].max(1e-12).ln());
                let cw = settings.class_weights[y] * inv;
                let mut d = o;
                d[y] -= 1.0;
                for v in &mut d {
                    *v *= cw;
                }
                for c in 0..CLASSES {
                    gb2[c] += d[c];
                }
                for j in 0..hidden {
                    if a[j] > 0.0 {
                        let mut back = 0.0;
                        for c in 0..CLASSES {
                            g2[j * CLASSES + c] += a[j] * d[c];
                            back += net.w2[j * CLASSES + c] * d[c];
                        }
                        dz[j] = back / settings.keep;
                    } else {
                        dz[j] = 0.0;
                    }
                    gb1[j] += dz[j];
                }
                for &(i, v) in &x {
                    let iu = i as usize;
                    if !is_touched[iu] {
                        is_touched[iu] = true;
                        touched.push(i);
                    }
                    let row = &mut g1[iu * hidden..(iu + 1) * hidden];
                    for (gj, dj) in row.iter_mut().zip(&dz) {
                        *gj += v * dj;
                    }
                }
            }
            // global norm of the gradient, L2 penalty included, for clipping
            let l2 = settings.l2;
            let sq = |g: &[f32], w: &[f32]| -> f64 {
                g.iter()
                    .zip(w)
                    .map(|(g, w)| f64::from(g + l2 * w).powi(2))
                    .sum()
            };
            let norm = (sq(&g1, &net.w1)
                + sq(&g2, &net.w2)
                + sq(&gb1, &vec![0.0; hidden])
                + sq(&gb2, &[0.0; CLASSES]))
            .sqrt() as f32;
            let scale = if norm > settings.clip {
                settings.clip / norm
            } else {
                1.0
            };
            t += 1;
            let rate =
                settings.learning_rate * (1.0 - 0.999f32.powi(t)).sqrt() / (1.0 - 0.9f32.powi(t));
            m1.step(&mut net.w1, &g1, rate, l2, scale);
            m2.step(&mut net.w2, &g2, rate, l2, scale);
            mb1.step(&mut net.b1, &gb1, rate, 0.0, scale);
            mb2.step(&mut net.b2, &gb2, rate, 0.0, scale);
        }
        progress(&format!(
            "pass {}: loss {:.4}, {} of {} wrong",
            epoch + 1,
            loss / n.max(1) as f64,
            wrong,
            n
        ));
    }
    net
}

/// The first layer's weights as bytes: per input row a scale (f32) and `hidden` signed
/// bytes, `w ≈ q × scale`.
pub fn quantise_rows(w: &[f32], hidden: usize) -> (Vec<f32>, Vec<i8>) {
    let mut scales = Vec::with_capacity(w.len() / hidden.max(1));
    let mut q = Vec::with_capacity(w.len());
    for row in w.chunks(hidden.max(1)) {
        let max = row.iter().fold(0f32, |m, v| m.max(v.abs()));
        let s = if max > 0.0 { max / 127.0 } else { 1.0 };
        scales.push(s);
        q.extend(
            row.iter()
                .map(|v| (v / s).round().clamp(-127.0, 127.0) as i8),
        );
    }
    (scales, q)
}

/// The weights [`quantise_rows`] stands for.
pub fn dequantise_rows(scales: &[f32], q: &[i8], hidden: usize) -> Vec<f32> {
    q.chunks(hidden.max(1))
        .zip(scales)
        .flat_map(|(row, &s)| row.iter().map(move |&v| f32::from(v) * s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem() {
        // class = which of four inputs is on; a fifth input is noise
        let settings = Settings {
            epochs: 30,
            batch: 8,
            learning_rate: 0.05,
            keep: 0.9,
            l2: 0.0,
            clip: 5.0,
            class_weights: [1.0; CLASSES],
            seed: 7,
        };
        let net = train(
            5,
            8,
            64,
            &settings,
            |i, x| {
                x.push(((i % 4) as u32, 1.0));
                x.push((4, (i % 3) as f32));
                i % 4
            },
            |_| {},
        );
        for c in 0..4 {
            let p = net.predict(&[(c as u32, 1.0), (4, 1.0)]);
            assert!(p[c] > 0.9, "{c}: {p:?}");
        }
    }

    #[test]
    fn quantised_rows_round_trip() {
        let w = vec![0.5, -1.0, 0.25, 0.0, 0.0, 0.0];
        let (s, q) = quantise_rows(&w, 3);
        assert_eq!(q[..3], [64, -127, 32]);
        let back = dequantise_rows(&s, &q, 3);
        assert!((back[0] - 0.5).abs() < 0.01 && back[1] == -1.0 && back[3] == 0.0);
    }
}
