import { mount } from 'svelte';
import App from './App.svelte';
import { createClient } from '../../src-shared/contract/client';
import { pickTransport } from './lib/transport';
import './styles/app.scss';

const client = createClient(pickTransport());
mount(App, { target: document.getElementById('app')!, props: { client } });
