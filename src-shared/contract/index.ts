// The whole IPC contract. Each area adds its channel group and event group here.
import type { ParsedRequestOf, PayloadOf, RequestOf, ResponseOf } from './channel';
import { appChannels, appEvents } from './app';
import { eventsChannels, eventsEvents } from './events';
import { connectionsChannels, connectionsEvents } from './connections';
import { tagsChannels, tagsEvents } from './tags';
import { inventoryChannels, inventoryEvents } from './inventory';
import { fieldkitChannels, fieldkitEvents } from './fieldkit';
import { changeSetChannels, changeSetEvents } from './change-sets';
import { fleetChannels } from './fleet';

export const channels = {
  ...appChannels,
  ...connectionsChannels,
  ...eventsChannels,
  ...tagsChannels,
  ...inventoryChannels,
  ...fieldkitChannels,
  ...changeSetChannels,
  ...fleetChannels,
} as const;

export const events = {
  ...appEvents,
  ...connectionsEvents,
  ...eventsEvents,
  ...tagsEvents,
  ...inventoryEvents,
  ...fieldkitEvents,
  ...changeSetEvents,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type Events = typeof events;
export type EventName = keyof Events;
export type Req<K extends ChannelName> = RequestOf<Channels[K]>;
export type ParsedReq<K extends ChannelName> = ParsedRequestOf<Channels[K]>;
export type Res<K extends ChannelName> = ResponseOf<Channels[K]>;
export type Payload<E extends EventName> = PayloadOf<Events[E]>;

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.hasOwn(channels, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);

export * from './channel';
export * from './errors';
