// The HTTP framework, bundled (minified) into its own file of dist/ that only `cailiang serve` loads.
import Fastify from 'fastify';

export default Fastify;
