/**
 * The dialogs and the drawer are chunks of their own, fetched on first use (the data source
 * dialog ahead, when the browser is idle): the list page does not wait for their code.
 */
export const loadDataSourceDialog = () => import('./dialog/DataSourceDialog');
export const loadDataSourceDrawer = () => import('./drawer/DataSourceDrawer');
export const loadDeleteDataSourceModal = () => import('./DeleteDataSourceModal');
