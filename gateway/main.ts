import 'reflect-metadata';
import { gatewayConfig } from '../lib/config';
import { runService } from '../lib/run';
import { startGateway } from './server';

runService('gateway', () => startGateway(gatewayConfig()));
