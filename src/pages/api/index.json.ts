import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_NAME } from '@/consts';
import { apiUrls, jsonResponse } from '@/lib/views/api-urls';
import { getGraph } from '@/lib/content/content';
import { apiIndex } from '@/lib/views/content-api';

export const GET: APIRoute = async ({ site }) => jsonResponse(apiIndex(await getGraph(), apiUrls(site), SITE_NAME, SITE_DESCRIPTION));
