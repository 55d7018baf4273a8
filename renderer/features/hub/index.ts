// What other features may use of the LAN hub: its panel on the exchange screen and joining from the first run.
export { HubPanel } from './HubPanel';
export { JoinHub } from './JoinHub';
