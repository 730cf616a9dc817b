rule "azure-synapse-data-exfiltration-protection" {
  title     = "Synapse workspace does not restrict outbound data to approved tenants"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_synapse_workspace"]
  aliases   = ["CKV_AZURE_157"]

  description = <<-EOT
    Without data exfiltration protection, code running in the workspace (Spark notebooks, pipelines, a compromised developer account) can copy data through managed private endpoints to storage in any Entra tenant. With it on, outbound managed private endpoints are limited to approved tenants. It can only be set when the workspace is created, with a managed virtual network; it is the customer's choice.

    `data_exfiltration_protection_enabled` defaults to `false`, so an absent argument is reported.
  EOT
  remediation = "Create the workspace with `managed_virtual_network_enabled = true` and `data_exfiltration_protection_enabled = true` (and list extra tenants in `linking_allowed_for_aad_tenant_ids` where needed)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/synapse_workspace#data_exfiltration_protection_enabled",
    "https://learn.microsoft.com/en-us/azure/synapse-analytics/security/workspace-data-exfiltration-protection",
  ]

  assert {
    attribute "data_exfiltration_protection_enabled" {
      equals = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_synapse_workspace" "app" {
        name                                 = "synw-app"
        location                             = "westeurope"
        resource_group_name                  = "rg-app"
        storage_data_lake_gen2_filesystem_id = "https://dlsapp.dfs.core.windows.net/synapse"
        identity {
          type = "SystemAssigned"
        }
        data_exfiltration_protection_enabled = false  # expect: azure-synapse-data-exfiltration-protection
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_synapse_workspace" "app" {  # expect: azure-synapse-data-exfiltration-protection
        name                                 = "synw-app"
        location                             = "westeurope"
        resource_group_name                  = "rg-app"
        storage_data_lake_gen2_filesystem_id = "https://dlsapp.dfs.core.windows.net/synapse"
        identity {
          type = "SystemAssigned"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_synapse_workspace" "app" {
        name                                 = "synw-app"
        location                             = "westeurope"
        resource_group_name                  = "rg-app"
        storage_data_lake_gen2_filesystem_id = "https://dlsapp.dfs.core.windows.net/synapse"
        identity {
          type = "SystemAssigned"
        }
        data_exfiltration_protection_enabled = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_synapse_workspace" "app" {
        name                                 = "synw-app"
        location                             = "westeurope"
        resource_group_name                  = "rg-app"
        storage_data_lake_gen2_filesystem_id = "https://dlsapp.dfs.core.windows.net/synapse"
        identity {
          type = "SystemAssigned"
        }
        data_exfiltration_protection_enabled = var.setting
      }
    EOT
  }
}
