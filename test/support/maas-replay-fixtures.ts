// Machines for the replay server (test/support/maas-replay/): the model, its MAAS 3.x and
// 1.8 JSON, and a fleet shaped like a real MAAS 3.x server's.
export { machine, macsOf, interfacesOf, statusNameOf, type ReplayMachine, type ReplayInterface } from './maas-replay/machine';
export { asApi2 } from './maas-replay/api2-machine';
export { asApi1 } from './maas-replay/api1-node';
export { maas3Fleet, maas3Events, maas3Tags } from './maas-replay/fleet';
