rule "azure-synapse-managed-virtual-network" {
  title     = "Synapse workspace does not use a managed virtual network"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_synapse_workspace"]
  aliases   = ["CKV_AZURE_58", "AVD-AZU-0034", "azure-synapse-virtual-network-enabled"]

  description = <<-EOT
    In a managed virtual network, the workspace's Spark pools and integration runtimes run isolated
    from other tenants and reach data stores only through managed private endpoints, and data
    exfiltration protection can restrict outbound traffic to approved tenants. Without it, the
    compute runs on shared networks and can reach any endpoint on the internet. The choice is made
    when the workspace is created, by the customer.

    `managed_virtual_network_enabled` defaults to `false` and cannot be changed afterwards without
    recreating the workspace. Severity is medium: network isolation is defence in depth around
    authenticated data access.
  EOT
  remediation = "Set `managed_virtual_network_enabled = true` (and consider `data_exfiltration_protection_enabled = true`) when creating the workspace; connect data stores through `azurerm_synapse_managed_private_endpoint`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/synapse_workspace#managed_virtual_network_enabled",
    "https://learn.microsoft.com/en-us/azure/synapse-analytics/security/synapse-workspace-managed-vnet",
  ]

  assert {
    attribute "managed_virtual_network_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_synapse_workspace" "analytics" {  # expect: azure-synapse-managed-virtual-network
        name                                 = "syn-analytics"
        resource_group_name                  = "rg-data"
        location                             = "westeurope"
        storage_data_lake_gen2_filesystem_id = "https://datalake.dfs.core.windows.net/synapse"

        identity {
          type = "SystemAssigned"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_synapse_workspace" "analytics" {
        name                                 = "syn-analytics"
        resource_group_name                  = "rg-data"
        location                             = "westeurope"
        storage_data_lake_gen2_filesystem_id = "https://datalake.dfs.core.windows.net/synapse"
        managed_virtual_network_enabled      = false  # expect: azure-synapse-managed-virtual-network

        identity {
          type = "SystemAssigned"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_synapse_workspace" "analytics" {
        name                                 = "syn-analytics"
        resource_group_name                  = "rg-data"
        location                             = "westeurope"
        storage_data_lake_gen2_filesystem_id = "https://datalake.dfs.core.windows.net/synapse"
        managed_virtual_network_enabled      = true

        identity {
          type = "SystemAssigned"
        }
      }
    EOT
  }
}
