// The warehouse: Azure SQL with Entra ID authentication only (no SQL logins, no passwords anywhere). The worker's and
// the dashboard's identities become database users by the two CREATE USER … FROM EXTERNAL PROVIDER statements of
// docs/deploy.md, run once by a member of the admin group; the worker's migrations (DbUp) create the schema.
param location string
param prefix string
param databaseName string
param adminGroupName string
param adminGroupObjectId string
param workspaceId string

resource server 'Microsoft.Sql/servers@2023-08-01' = {
  name: '${prefix}-sql-${uniqueString(resourceGroup().id)}'
  location: location
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: adminGroupName
      sid: adminGroupObjectId
      principalType: 'Group'
      tenantId: subscription().tenantId
    }
  }
}

// Container Apps reach the server from Azure's address space; nothing from outside Azure is let in.
resource azureServices 'Microsoft.Sql/servers/firewallRules@2023-08-01' = {
  parent: server
  name: 'AllowAllWindowsAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// Serverless General Purpose: the region's warehouse is a few GB, busy at loads and refreshes, idle otherwise.
resource database 'Microsoft.Sql/servers/databases@2023-08-01' = {
  parent: server
  name: databaseName
  location: location
  sku: {
    name: 'GP_S_Gen5'
    tier: 'GeneralPurpose'
    family: 'Gen5'
    capacity: 2
  }
  properties: {
    autoPauseDelay: 60
    minCapacity: json('0.5')
    maxSizeBytes: 34359738368
    zoneRedundant: false
    requestedBackupStorageRedundancy: 'Zone'
  }
}

resource databaseDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: database
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'Errors'
        enabled: true
      }
      {
        category: 'Timeouts'
        enabled: true
      }
    ]
  }
}

output serverHost string = server.properties.fullyQualifiedDomainName
