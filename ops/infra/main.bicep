// Regional Warehouse for one region: storage for the LAs' returns, the warehouse (Azure SQL), the worker and the
// dashboard as container apps with their own managed identities, Key Vault for the pseudonymisation key and Log
// Analytics for every log. No secret is written here or passed as a parameter: the apps reach storage, SQL and Key
// Vault as their managed identities, and the key is put into Key Vault by an operator (docs/deploy.md).
targetScope = 'resourceGroup'

@description('Where everything is deployed.')
param location string = resourceGroup().location

@description('A short lower-case prefix for every resource name (letters and digits, 3 to 10).')
@minLength(3)
@maxLength(10)
param prefix string = 'rweoe'

@description('The member LAs: each LA\'s DfE code and the object id of the Entra ID group of its analysts who upload returns and read its reports.')
param memberLas array

@description('The Entra ID group that administers the SQL server (its display name and object id).')
param sqlAdminGroupName string
param sqlAdminGroupObjectId string

@description('Days an archived return cannot be changed or deleted. Shorter than the shortest data-sharing agreement\'s retention (six years from the period end), so the retention job can always delete at expiry.')
@minValue(1)
param archiveImmutableDays int = 1825

@description('The worker\'s and the dashboard\'s images (built and pushed by .github/workflows/deploy.yml).')
param workerImage string
param dashboardImage string

@description('Entra ID app registration the dashboard signs people in with (client id); its tenant is this subscription\'s.')
param dashboardClientId string

var storageName = toLower('${prefix}${uniqueString(resourceGroup().id)}')
var databaseName = 'regional-warehouse'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    prefix: prefix
  }
}

module identities 'modules/identities.bicep' = {
  name: 'identities'
  params: {
    location: location
    prefix: prefix
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: take(storageName, 24)
    memberLas: memberLas
    archiveImmutableDays: archiveImmutableDays
    workerPrincipalId: identities.outputs.workerPrincipalId
    workspaceId: monitoring.outputs.workspaceId
  }
}

module sql 'modules/sql.bicep' = {
  name: 'sql'
  params: {
    location: location
    prefix: prefix
    databaseName: databaseName
    adminGroupName: sqlAdminGroupName
    adminGroupObjectId: sqlAdminGroupObjectId
    workspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: take('${prefix}-kv-${uniqueString(resourceGroup().id)}', 24)
    workerPrincipalId: identities.outputs.workerPrincipalId
    workspaceId: monitoring.outputs.workspaceId
  }
}

module apps 'modules/container-apps.bicep' = {
  name: 'container-apps'
  params: {
    location: location
    prefix: prefix
    workspaceName: monitoring.outputs.workspaceName
    workerIdentityId: identities.outputs.workerId
    workerClientId: identities.outputs.workerClientId
    dashboardIdentityId: identities.outputs.dashboardId
    dashboardClientId: identities.outputs.dashboardClientId
    workerImage: workerImage
    dashboardImage: dashboardImage
    blobEndpoint: storage.outputs.blobEndpoint
    sqlServerHost: sql.outputs.serverHost
    databaseName: databaseName
    keyVaultUri: keyVault.outputs.vaultUri
    signInClientId: dashboardClientId
  }
}

output dashboardUrl string = apps.outputs.dashboardUrl
output storageAccount string = storage.outputs.accountName
output sqlServer string = sql.outputs.serverHost
output keyVault string = keyVault.outputs.vaultUri
output workerIdentityName string = identities.outputs.workerName
output dashboardIdentityName string = identities.outputs.dashboardName
