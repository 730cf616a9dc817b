rule "azure-appservice-basic-auth-disabled" {
  title     = "App Service or Function App allows basic authentication for FTP or Web Deploy publishing"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "azurerm_linux_web_app",
    "azurerm_windows_web_app",
    "azurerm_linux_function_app",
    "azurerm_windows_function_app",
  ]
  compliance = { "cis-azure-3.0" = ["9.6"] }

  description = <<-EOT
    With basic authentication on, the app's publishing profile credentials (a user name and password
    that anyone with read access to the publishing profile can download) let their holder upload code
    to the app over FTP or Web Deploy, from anywhere, without Entra ID, MFA or conditional access.
    Deploying through Entra-authenticated pipelines removes that shared secret. The setting is the
    customer's.

    `ftp_publish_basic_authentication_enabled` and `webdeploy_publish_basic_authentication_enabled`
    both default to `true` on the current web and function app resources, so an absent argument is
    reported; each must be `false`.
  EOT
  remediation = "Set `ftp_publish_basic_authentication_enabled = false` and `webdeploy_publish_basic_authentication_enabled = false`, and deploy with Entra ID credentials (a pipeline's workload identity)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#ftp_publish_basic_authentication_enabled",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#webdeploy_publish_basic_authentication_enabled",
    "https://learn.microsoft.com/en-us/azure/app-service/configure-basic-auth-disable",
  ]

  assert {
    attribute "ftp_publish_basic_authentication_enabled" {
      equals  = false
      default = true
    }
    attribute "webdeploy_publish_basic_authentication_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "api" {  # expect: azure-appservice-basic-auth-disabled
        name                = "app-api"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp-web"

        site_config {}
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_windows_web_app" "api" {
        name                                           = "app-api"
        resource_group_name                            = "rg-web"
        location                                       = "westeurope"
        service_plan_id                                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp-web"
        ftp_publish_basic_authentication_enabled       = false
        webdeploy_publish_basic_authentication_enabled = true  # expect: azure-appservice-basic-auth-disabled

        site_config {}
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "api" {
        name                                           = "app-api"
        resource_group_name                            = "rg-web"
        location                                       = "westeurope"
        service_plan_id                                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp-web"
        ftp_publish_basic_authentication_enabled       = false
        webdeploy_publish_basic_authentication_enabled = false

        site_config {}
      }
    EOT
  }
}
