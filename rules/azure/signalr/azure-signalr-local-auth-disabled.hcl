rule "azure-signalr-local-auth-disabled" {
  title     = "SignalR service accepts access keys (local authentication)"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_signalr_service"]
  aliases   = []

  description = <<-EOT
    With local authentication on, the service's access keys (in connection strings) let their holder mint client tokens for any user and send to any group. Microsoft Entra ID authentication ties server access to a managed identity.

    `local_auth_enabled` defaults to `true`, so an absent argument is reported.
  EOT
  remediation = "Set `local_auth_enabled = false` and authenticate the app server with a managed identity holding `SignalR App Server`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/signalr_service#local_auth_enabled",
    "https://learn.microsoft.com/en-us/azure/azure-signalr/howto-disable-local-auth",
  ]

  assert {
    attribute "local_auth_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_signalr_service" "app" {
        name                = "sigr-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku {
          name     = "Standard_S1"
          capacity = 1
        }
        local_auth_enabled = true  # expect: azure-signalr-local-auth-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_signalr_service" "app" {  # expect: azure-signalr-local-auth-disabled
        name                = "sigr-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku {
          name     = "Standard_S1"
          capacity = 1
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_signalr_service" "app" {
        name                = "sigr-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku {
          name     = "Standard_S1"
          capacity = 1
        }
        local_auth_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_signalr_service" "app" {
        name                = "sigr-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku {
          name     = "Standard_S1"
          capacity = 1
        }
        local_auth_enabled = var.setting
      }
    EOT
  }
}
