rule "azure-synapse-entra-only-auth" {
  title     = "Synapse workspace allows SQL authentication"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_synapse_workspace"]
  aliases   = []

  description = <<-EOT
    With SQL authentication allowed, the workspace's SQL pools accept the SQL administrator login and password, a shared credential outside Entra ID conditional access, MFA and sign-in logs. Entra-only authentication removes password logins. Identity configuration is the customer's.

    `azuread_authentication_only` defaults to `false`, so an absent argument is reported.
  EOT
  remediation = "Set `azuread_authentication_only = true` and configure an Entra admin (`azuread_admin` or `azurerm_synapse_workspace_aad_admin`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/synapse_workspace#azuread_authentication_only",
    "https://learn.microsoft.com/en-us/azure/synapse-analytics/sql/active-directory-authentication",
  ]

  assert {
    attribute "azuread_authentication_only" {
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
        azuread_authentication_only = false  # expect: azure-synapse-entra-only-auth
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_synapse_workspace" "app" {  # expect: azure-synapse-entra-only-auth
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
        azuread_authentication_only = true
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
        azuread_authentication_only = var.setting
      }
    EOT
  }
}
