import type { Component } from 'svelte';
import type { ViewId } from '../../../src-shared/views';
import ConnectionsView from './ConnectionsView.svelte';
import EventsView from './EventsView.svelte';
import InventoryView from './InventoryView.svelte';
import TagsView from './TagsView.svelte';
import CaptureView from './CaptureView.svelte';
import FleetView from './FleetView.svelte';

export interface ViewEntry { id: ViewId; label: string; shortcut: string; component: Component }

export const views: ViewEntry[] = [
  { id: 'inventory', label: 'Inventory', shortcut: 'Alt+1', component: InventoryView },
  { id: 'tags', label: 'Tags', shortcut: 'Alt+2', component: TagsView },
  { id: 'events', label: 'Events', shortcut: 'Alt+3', component: EventsView },
  { id: 'connections', label: 'Connections', shortcut: 'Alt+4', component: ConnectionsView },
  { id: 'capture', label: 'Capture', shortcut: 'Alt+5', component: CaptureView },
  { id: 'fleet', label: 'Fleet', shortcut: 'Alt+6', component: FleetView },
];
