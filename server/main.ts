// `npm start`: the built app from dist/ with the proxy, on the stand-in unless INFLUX_HOST or INFLUX_ACTIVE_CONFIG says otherwise.
import { runProduct } from './app/start';

await runProduct();
