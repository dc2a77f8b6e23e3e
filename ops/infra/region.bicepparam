// The East of England's deployment. Group object ids are the LA analysts' Entra ID groups (docs/deploy.md, step 2);
// replace the zero ids before the first deployment. Images are given by the pipeline at deploy time.
using 'main.bicep'

param prefix = 'rweoe'
param sqlAdminGroupName = 'Regional Warehouse SQL admins'
param sqlAdminGroupObjectId = '00000000-0000-0000-0000-000000000000'
param dashboardClientId = '00000000-0000-0000-0000-000000000000'
param workerImage = 'set-by-the-pipeline'
param dashboardImage = 'set-by-the-pipeline'
param memberLas = [
  { code: '822', name: 'Bedford', groupObjectId: '00000000-0000-0000-0000-000000000822' }
  { code: '873', name: 'Cambridgeshire', groupObjectId: '00000000-0000-0000-0000-000000000873' }
  { code: '823', name: 'Central Bedfordshire', groupObjectId: '00000000-0000-0000-0000-000000000823' }
  { code: '881', name: 'Essex', groupObjectId: '00000000-0000-0000-0000-000000000881' }
  { code: '919', name: 'Hertfordshire', groupObjectId: '00000000-0000-0000-0000-000000000919' }
  { code: '821', name: 'Luton', groupObjectId: '00000000-0000-0000-0000-000000000821' }
  { code: '926', name: 'Norfolk', groupObjectId: '00000000-0000-0000-0000-000000000926' }
  { code: '874', name: 'Peterborough', groupObjectId: '00000000-0000-0000-0000-000000000874' }
  { code: '882', name: 'Southend-on-Sea', groupObjectId: '00000000-0000-0000-0000-000000000882' }
  { code: '935', name: 'Suffolk', groupObjectId: '00000000-0000-0000-0000-000000000935' }
  { code: '883', name: 'Thurrock', groupObjectId: '00000000-0000-0000-0000-000000000883' }
]
