rule "azure-app-configuration-local-auth-disabled" {
  title     = "App Configuration store accepts access keys (local authentication)"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_app_configuration"]
  aliases   = ["CKV_AZURE_184"]

  description = <<-EOT
    With local authentication on, the store's access keys (in connection strings) read and write every setting and feature flag; settings often include Key Vault references and sometimes secrets. Keys are shared and never expire. Entra ID authentication with managed identities ties access to a role assignment.

    `local_auth_enabled` defaults to `true`, so an absent argument is reported.
  EOT
  remediation = "Set `local_auth_enabled = false` and grant readers `App Configuration Data Reader` through managed identities."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/app_configuration#local_auth_enabled",
    "https://learn.microsoft.com/en-us/azure/azure-app-configuration/howto-disable-access-key-authentication",
  ]

  assert {
    attribute "local_auth_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_app_configuration" "app" {
        name                = "appcs-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "standard"
        local_auth_enabled = true  # expect: azure-app-configuration-local-auth-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_app_configuration" "app" {  # expect: azure-app-configuration-local-auth-disabled
        name                = "appcs-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "standard"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_app_configuration" "app" {
        name                = "appcs-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "standard"
        local_auth_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_app_configuration" "app" {
        name                = "appcs-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "standard"
        local_auth_enabled = var.setting
      }
    EOT
  }
}
