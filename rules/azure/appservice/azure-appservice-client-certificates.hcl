rule "azure-appservice-client-certificates" {
  title     = "Web app does not request client certificates"
  severity  = "low"
  area      = "identity-access"
  resources = ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app"]
  aliases   = ["CKV_AZURE_17", "AVD-AZU-0001", "azure-appservice-require-client-cert"]

  description = <<-EOT
    With incoming client certificates enabled, App Service asks every caller for a TLS client
    certificate and passes it to the app, so APIs that serve known systems (partners, internal
    services, devices) can authenticate them by mutual TLS before any application code runs.
    Without it the app relies on whatever authentication its own code implements. Who may call the
    app is the customer's decision.

    The argument is `client_certificate_enabled` on the current web app resources and
    `client_cert_enabled` on the deprecated `azurerm_app_service`; both default to `false`. Severity
    is low: a public website for browsers rightly does not ask for certificates, which the rule cannot
    tell from the configuration; suppress it for such apps.
  EOT
  remediation = "Set `client_certificate_enabled = true` (with `client_certificate_mode = \"Required\"`) on the web app, or `client_cert_enabled = true` on `azurerm_app_service`, and validate the certificate in the app."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#client_certificate_enabled",
    "https://learn.microsoft.com/en-us/azure/app-service/app-service-web-configure-tls-mutual-auth",
  ]

  assert {
    any {
      attribute "client_certificate_enabled" {
        equals = true
      }
      attribute "client_cert_enabled" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_app_service" "partner_api" {
        name                = "partner-api"
        location            = "westeurope"
        resource_group_name = "rg-web"
        app_service_plan_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
        client_cert_enabled = false  # expect: azure-appservice-client-certificates
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "partner_api" {  # expect: azure-appservice-client-certificates
        name                = "partner-api"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"

        site_config {}
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "partner_api" {
        name                       = "partner-api"
        resource_group_name        = "rg-web"
        location                   = "westeurope"
        service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
        client_certificate_enabled = true
        client_certificate_mode    = "Required"

        site_config {}
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_app_service" "partner_api" {
        name                = "partner-api"
        location            = "westeurope"
        resource_group_name = "rg-web"
        app_service_plan_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
        client_cert_enabled = true
      }
    EOT
  }
}
