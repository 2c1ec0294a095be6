//! Entry point of the analysis Web Worker (built by Trunk with `data-type="worker"`).

use gangmu_web::agent::{AnalysisWorker, Wire};
use gloo_worker::Registrable;

fn main() {
    AnalysisWorker::registrar().encoding::<Wire>().register();
}
