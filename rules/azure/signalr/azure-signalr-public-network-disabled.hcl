rule "azure-signalr-public-network-disabled" {
  title     = "SignalR service accepts connections from public networks"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_signalr_service"]
  aliases   = []

  description = <<-EOT
    A SignalR service open to public networks accepts server and client connections from the internet. For services whose clients are browsers this is intended; for server-to-server messaging it widens the surface to anyone holding a connection string. Private endpoints restrict access.

    `public_network_access_enabled` defaults to `true`, so an absent argument is reported. Severity is low because public client access is often the purpose.
  EOT
  remediation = "Set `public_network_access_enabled = false` and use private endpoints, or suppress with a reason where browser clients connect directly."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/signalr_service#public_network_access_enabled",
    "https://learn.microsoft.com/en-us/azure/azure-signalr/howto-private-endpoints",
  ]

  assert {
    attribute "public_network_access_enabled" {
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
        public_network_access_enabled = true  # expect: azure-signalr-public-network-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_signalr_service" "app" {  # expect: azure-signalr-public-network-disabled
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
        public_network_access_enabled = false
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
        public_network_access_enabled = var.setting
      }
    EOT
  }
}
