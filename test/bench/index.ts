// Every benchmark the runner knows. Each area adds its module here.
import type { Bench } from './types';
import { contractBench } from './contract.bench';
import { eventsBench } from './events.bench';
import { inventoryBench } from './inventory.bench';
import { powerBench } from './power.bench';
import { regionBench } from './region.bench';
import { regionTagsBench } from './region-tags.bench';
import { tagsBench } from './tags.bench';
import { regionIpsBench } from './region-ips.bench';
import { xpathBench } from './xpath.bench';
import { regionVsFakeBench } from './region-vs-fake.bench';
import { fieldkitBench } from './fieldkit.bench';
import { freshnessBench } from './freshness.bench';
import { fleetBench } from './fleet.bench';
import { answerThreadBench } from './answer-thread.bench';

export const benches: Bench[] = [contractBench, powerBench, regionBench, regionVsFakeBench, regionTagsBench, regionIpsBench, eventsBench, inventoryBench, freshnessBench, tagsBench, xpathBench, fieldkitBench, fleetBench, answerThreadBench];
