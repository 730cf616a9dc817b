rule "azure-appservice-http2" {
  title     = "Web or function app does not enable HTTP/2"
  severity  = "low"
  area      = "application-workload"
  resources = [
    "azurerm_app_service",
    "azurerm_function_app",
    "azurerm_linux_web_app",
    "azurerm_windows_web_app",
    "azurerm_linux_function_app",
    "azurerm_windows_function_app",
  ]
  aliases   = ["CKV_AZURE_18", "CKV_AZURE_67", "AVD-AZU-0005", "azure-appservice-enable-http2"]

  compliance = { "cis-azure-3.0" = ["9.10"] }
  description = <<-EOT
    HTTP/2 removes head-of-line blocking and several weaknesses of HTTP/1.1 request framing (request
    smuggling through ambiguous lengths is much harder), and browsers use it only over TLS. App
    Service offers it per app; turning it on is the app owner's configuration.

    `site_config.http2_enabled` defaults to `false` on every web and function app resource. Severity
    is low: hygiene and hardening, not an exposure.
  EOT
  remediation = "Set `site_config { http2_enabled = true }`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#http2_enabled",
    "https://learn.microsoft.com/en-us/azure/app-service/configure-common#configure-general-settings",
  ]

  assert {
    attribute "site_config.http2_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_app_service" "portal" {  # expect: azure-appservice-http2
        name                = "portal"
        location            = "westeurope"
        resource_group_name = "rg-web"
        app_service_plan_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_windows_web_app" "shop" {
        name                = "shop"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"

        site_config {
          http2_enabled = false  # expect: azure-appservice-http2
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_windows_web_app" "shop" {
        name                = "shop"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"

        site_config {
          http2_enabled = true
        }
      }
    EOT
  }
}
