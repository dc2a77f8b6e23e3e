// The storage account LAs submit into. Four containers, as the worker expects them (landing, archive, quarantine,
// reports); no account keys (Entra ID only), no public access. Each LA's analysts may write only under their own
// folder of landing and read only their own folder of reports: role assignments with attribute-based conditions on
// the blob path, the LA's DfE code being the first folder (919/SSDA903/2025/…).
param location string
param name string
param memberLas array
param archiveImmutableDays int
param workerPrincipalId string
param workspaceId string

var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var blobDataReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
var containerNames = ['landing', 'archive', 'quarantine', 'reports']

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    // A deleted or overwritten blob can be recovered for 14 days: no file is ever lost by a mistake.
    deleteRetentionPolicy: {
      enabled: true
      days: 14
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in containerNames: {
  parent: blobs
  name: container
  properties: {
    publicAccess: 'None'
  }
}]

// The archive keeps each return as it arrived: nobody, the worker included, can change or delete it for the period.
resource archiveImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  name: '${account.name}/default/archive/default'
  properties: {
    immutabilityPeriodSinceCreationInDays: archiveImmutableDays
    allowProtectedAppendWrites: false
  }
  dependsOn: [
    containers
  ]
}

// The worker moves returns between the containers and writes reports.
resource workerAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, workerPrincipalId, blobDataContributor)
  scope: account
  properties: {
    principalId: workerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
  }
}

resource landing 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = {
  parent: blobs
  name: 'landing'
}

resource reports 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = {
  parent: blobs
  name: 'reports'
}

// An LA's analysts: read, write and list only under landing/{code}/ …
resource laUploads 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for la in memberLas: {
  name: guid(account.id, 'landing', la.code, la.groupObjectId)
  scope: landing
  properties: {
    principalId: la.groupObjectId
    principalType: 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
    description: 'LA ${la.code} uploads its returns into its own landing folder only.'
    conditionVersion: '2.0'
    condition: '((!(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete\'})) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith \'${la.code}/\'))'
  }
  dependsOn: [
    containers
  ]
}]

// … and read only under reports/{code}/.
resource laReports 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for la in memberLas: {
  name: guid(account.id, 'reports', la.code, la.groupObjectId)
  scope: reports
  properties: {
    principalId: la.groupObjectId
    principalType: 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataReader)
    description: 'LA ${la.code} reads its own data-quality reports only.'
    conditionVersion: '2.0'
    condition: '((!(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read\'})) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith \'${la.code}/\'))'
  }
  dependsOn: [
    containers
  ]
}]

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: blobs
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

output accountName string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
