import type { APIRoute } from 'astro';
import { apiUrls, jsonResponse } from '@/lib/api-urls';
import { apiFilePath } from '@/lib/content-api';
import { contentApiSchema } from '@/lib/content-api-schema';

export const GET: APIRoute = ({ site }) => jsonResponse(contentApiSchema(apiUrls(site).file(apiFilePath.schema())));
