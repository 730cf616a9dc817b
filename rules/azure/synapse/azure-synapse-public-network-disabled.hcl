rule "azure-synapse-public-network-disabled" {
  title     = "Synapse workspace accepts connections from public networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_synapse_workspace"]
  aliases   = []

  description = <<-EOT
    A Synapse workspace open to public networks exposes its SQL, development and serverless endpoints to the internet, with only the workspace firewall rules and credentials in front of the analytical data. Disabling public access makes the workspace reachable only through private endpoints; the customer configures this.

    `public_network_access_enabled` defaults to `true`, so an absent argument is reported.
  EOT
  remediation = "Set `public_network_access_enabled = false` and create private endpoints (with a managed virtual network) for the workspace."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/synapse_workspace#public_network_access_enabled",
    "https://learn.microsoft.com/en-us/azure/synapse-analytics/security/connectivity-settings",
  ]

  assert {
    attribute "public_network_access_enabled" {
      equals  = false
      default = true
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
        public_network_access_enabled = true  # expect: azure-synapse-public-network-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_synapse_workspace" "app" {  # expect: azure-synapse-public-network-disabled
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
        public_network_access_enabled = false
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
        public_network_access_enabled = var.setting
      }
    EOT
  }
}
